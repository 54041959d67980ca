import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashChannel } from "../../src/feedback/hash-voter.js";
import { latestVotes, readVotes } from "../../src/feedback/read-votes.js";
import { FEEDBACK_ACTION_ID, FEEDBACK_THANKS_TEXT } from "../../src/format/feedback-blocks.js";
import { helpIntro } from "../../src/format/help-text.js";
import { SHARE_ACTION_ID } from "../../src/format/render-answer-blocks.js";
import type { BotHarness } from "../support/bot-harness.js";
import type { RecordedCall } from "../support/fake-slack.js";
import {
  type AnyBlock,
  clickFeedback,
  FEEDBACK_SECRET,
  feedbackBlockOf,
  startFeedbackBot,
} from "../support/feedback-bot.js";

// Feedback over signed HTTP against the fake Slack: answers end with Slack's feedback buttons, and
// a click is acked, thanked only to the voter, and recorded once per person and answer.

let bot: BotHarness;
let file: string;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ bot, file, stop } = await startFeedbackBot("feedback-e2e"));
});
afterAll(() => stop());

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await bot.queue.idle();
}

/** Replays a feedback click on `value` by `user`; returns the HTTP response and the response id. */
function click(value: string, user = "U0ASKER1") {
  return clickFeedback(bot, value, (fixture) => {
    fixture.body.user.id = user;
  });
}

describe("feedback buttons", () => {
  let answer: RecordedCall | undefined;

  it("end an answer to a mention, as the last block", async () => {
    await bot.event({
      type: "app_mention",
      user: "U0ASKER1",
      channel: "C0CHAN3",
      ts: "1733000500.000100",
      text: "<@UBOT> who granted asylum?",
    });
    [answer] = await bot.fake.waitForCalls("chat.postMessage", 1, 10_000);
    const blocks = answer?.body.blocks as AnyBlock[];
    const last = blocks.at(-1);
    expect(last.type).toBe("context_actions");
    expect(last.elements[0].type).toBe("feedback_buttons");
    expect(last.elements[0].action_id).toBe(FEEDBACK_ACTION_ID);
  });

  it("end an answer to a DM, and a shared slash reply, but not the usage text", async () => {
    const before = bot.fake.callsTo("chat.postMessage").length;
    await bot.event({
      type: "message",
      channel_type: "im",
      channel: "D0DM5",
      user: "U1",
      ts: "1.1",
      text: "Tartus naval facility",
    });
    await bot.event({
      type: "message",
      channel_type: "im",
      channel: "D0DM5",
      user: "U1",
      ts: "1.2",
      text: "help",
    });
    const calls = (await bot.fake.waitForCalls("chat.postMessage", before + 2, 10_000)).slice(
      before,
    );
    const help = calls.find((c) => c.body.text === helpIntro(2));
    const answered = calls.find((c) => c.body.text !== helpIntro(2));
    expect(feedbackBlockOf(answered)).toBeDefined();
    expect(help).toBeDefined();
    expect(feedbackBlockOf(help)).toBeUndefined();

    const shared = bot.nextId("share");
    await bot.click(SHARE_ACTION_ID, "why humanitarian grounds", shared);
    const [post] = await bot.fake.waitForCalls(shared, 1, 10_000);
    expect(post?.body.response_type).toBe("in_channel");
    expect(feedbackBlockOf(post)).toBeDefined();
    await settle();
  });

  it("a click is acked, thanked only to the voter and recorded; a second vote replaces the first", async () => {
    const element = feedbackBlockOf(answer).elements[0];
    const up = await click(element.positive_button.value);
    expect(up.response.status).toBe(200);
    const [thanks] = await bot.fake.waitForCalls(up.responseId, 1, 10_000);
    expect(thanks?.body).toMatchObject({
      response_type: "ephemeral",
      replace_original: false,
      text: FEEDBACK_THANKS_TEXT,
    });

    const down = await click(element.negative_button.value);
    expect(down.response.status).toBe(200);
    await bot.fake.waitForCalls(down.responseId, 1, 10_000);
    await click(element.positive_button.value, "U0OTHER1");
    await settle();

    const log = await readVotes(file);
    expect(log.skipped).toEqual([]);
    expect(log.votes).toHaveLength(3);
    const votes = latestVotes(log.votes);
    expect(votes.map((v) => v.vote)).toEqual(["down", "up"]);
    const [mine] = votes;
    expect(mine).toMatchObject({
      channel: hashChannel("C0CHAN3", FEEDBACK_SECRET),
      messageTs: "1733000600.000100",
      question: "who granted asylum?",
    });
    expect(mine?.passages.length).toBeGreaterThan(0);
    expect(JSON.stringify(log.votes)).not.toContain("U0ASKER1");
  });

  it("shows up once per person and answer in `npm run feedback -- --json`", async () => {
    const { stdout } = await promisify(execFile)(
      "node_modules/.bin/tsx",
      ["src/cli/feedback.ts", "--json", "--file", file],
      { timeout: 60_000 },
    );
    const { votes } = JSON.parse(stdout) as { votes: { vote: string }[] };
    expect(votes.map((v) => v.vote)).toEqual(["down", "up"]);
  });

  it("a click whose value this app did not write is acked and not recorded", async () => {
    const { response } = await click('{"v":"up"}');
    expect(response.status).toBe(200);
    await settle();
    expect((await readVotes(file)).votes).toHaveLength(3);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashChannel } from "../../src/feedback/hash-voter.js";
import { readVotes } from "../../src/feedback/read-votes.js";
import {
  CHOICE_THANKS_TEXT,
  CHOOSE_PASSAGE_ACTION_ID,
  CHOOSE_PASSAGE_TEXT,
} from "../../src/format/passage-choice.js";
import type { BotHarness } from "../support/bot-harness.js";
import type { RecordedCall } from "../support/fake-slack.js";
import { type AnyBlock, FEEDBACK_SECRET, startFeedbackBot } from "../support/feedback-bot.js";

// A tentative answer offers each passage with "This one answers it"; a click through the real app
// is acked, thanked only to the clicker, recorded in the vote log, and posts nothing to the channel.

let bot: BotHarness;
let file: string;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ bot, file, stop } = await startFeedbackBot("choose-passage-e2e"));
});
afterAll(() => stop());
const choiceButtons = (call: RecordedCall | undefined): AnyBlock[] =>
  ((call?.body.blocks as AnyBlock[] | undefined) ?? [])
    .filter((b) => b.type === "section" && b.accessory?.action_id === CHOOSE_PASSAGE_ACTION_ID)
    .map((b) => b.accessory);

async function ask(text: string, ts: string): Promise<RecordedCall | undefined> {
  const before = bot.fake.callsTo("chat.postMessage").length;
  await bot.event({ type: "app_mention", user: "U0ASKER1", channel: "C0CHAN3", ts, text });
  const calls = await bot.fake.waitForCalls("chat.postMessage", before + 1, 10_000);
  return calls[before];
}

describe("choosing the passage that answers a tentative answer", () => {
  it("offers a button beside each passage of a tentative answer, none beside a confident one", async () => {
    const tentative = await ask("<@UBOT> is assad in moscow", "1733000600.000100");
    const buttons = choiceButtons(tentative);
    expect(buttons.length).toBeGreaterThan(1);
    for (const button of buttons) expect(button.text.text).toBe(CHOOSE_PASSAGE_TEXT);
    const confident = await ask("<@UBOT> Tartus naval facility", "1733000600.000200");
    expect(choiceButtons(confident)).toEqual([]);
  });

  it("records a click as feedback, thanks only the clicker, and posts nothing for the channel", async () => {
    const answer = await ask("<@UBOT> did the kremlin comment on assad", "1733000600.000300");
    const buttons = choiceButtons(answer);
    const chosen = buttons[1];
    expect(chosen).toBeDefined();
    const posted = bot.fake.callsTo("chat.postMessage").length;
    const responseId = bot.nextId("choice");
    const { status } = await bot.click(CHOOSE_PASSAGE_ACTION_ID, chosen.value, responseId);
    expect(status).toBe(200);
    const [thanks] = await bot.fake.waitForCalls(responseId, 1, 10_000);
    expect(thanks?.body).toMatchObject({
      response_type: "ephemeral",
      replace_original: false,
      text: CHOICE_THANKS_TEXT,
    });
    await bot.queue.idle();
    expect(bot.fake.callsTo("chat.postMessage")).toHaveLength(posted);

    const { votes } = await readVotes(file);
    expect(votes).toHaveLength(1);
    const value = JSON.parse(chosen.value) as { a: string; p: string };
    const blocks = (answer?.body.blocks ?? []) as AnyBlock[];
    const feedback = blocks.find((b) => b.type === "context_actions");
    expect(feedback.block_id).toContain(value.a);
    expect(votes[0]).toMatchObject({
      answerId: value.a,
      question: "did the kremlin comment on assad",
      vote: "up",
      passages: [value.p],
      channel: hashChannel("C1", FEEDBACK_SECRET),
    });
    expect(votes[0]?.voter).not.toContain("U1");
  });

  it("acks and records nothing for a button value it did not write", async () => {
    const responseId = bot.nextId("choice");
    const { status } = await bot.click(CHOOSE_PASSAGE_ACTION_ID, "{not json", responseId);
    expect(status).toBe(200);
    await bot.queue.idle();
    expect(bot.fake.callsTo(responseId)).toEqual([]);
    expect((await readVotes(file)).votes).toHaveLength(1);
  });
});

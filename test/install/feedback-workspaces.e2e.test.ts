import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedbackLog } from "../../src/feedback/feedback-log.js";
import { summariseVotes } from "../../src/feedback/feedback-report.js";
import { hashWorkspace } from "../../src/feedback/hash-voter.js";
import { latestVotes, readVotes } from "../../src/feedback/read-votes.js";
import { BotHarness } from "../support/bot-harness.js";
import type { RecordedCall } from "../support/fake-slack.js";
import { install, mentionFrom, oauthEnv } from "../support/oauth-install.js";
import { loadSlackFixture } from "../support/slack-payloads.js";

// OAuth mode, two installed workspaces: the same person id clicking the same answer's buttons in
// the same channel id, once from each workspace, are two votes, counted apart.

const SECRET = "test-feedback-secret";
const A = { teamId: "T0VOTEA", token: "xoxb-vote-alpha-secret-0001" };
const B = { teamId: "T0VOTEB", token: "xoxb-vote-bravo-secret-0002" };

let bot: BotHarness;
let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "feedback-ws-e2e-"));
  file = join(dir, "feedback.jsonl");
  bot = await new BotHarness().start(oauthEnv(join(dir, "installations")), undefined, {
    feedback: new FeedbackLog({ file, secret: SECRET }),
  });
});
afterAll(async () => {
  await bot.stop();
  await rm(dir, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noExplicitAny: blocks are Slack's JSON as the fake recorded it
type AnyBlock = any;
const feedbackOf = (call: RecordedCall | undefined): AnyBlock | undefined =>
  (call?.body.blocks as AnyBlock[] | undefined)?.find((b) => b.type === "context_actions");

/** A feedback click on `value` from workspace `teamId`. */
function clickFrom(teamId: string, value: string) {
  const fixture = loadSlackFixture("block-actions-feedback");
  fixture.body.team.id = teamId;
  fixture.body.user.team_id = teamId;
  fixture.body.message.team = teamId;
  return bot.replay(fixture, { vars: { FEEDBACK_VALUE: value } });
}

describe("feedback from two installed workspaces", () => {
  it("counts votes on one answer id and channel id apart per workspace", async () => {
    await install(bot, { code: "code-a", teamId: A.teamId, botToken: A.token });
    await install(bot, { code: "code-b", teamId: B.teamId, botToken: B.token });
    await mentionFrom(bot, A, "C0CHAN3", "who granted Assad asylum?");
    const [answer] = await bot.fake.waitForCalls("chat.postMessage", 1, 10_000);
    const value = feedbackOf(answer).elements[0].negative_button.value as string;

    const a = await clickFrom(A.teamId, value);
    await bot.fake.waitForCalls(a.responseId, 1, 10_000);
    const b = await clickFrom(B.teamId, value);
    await bot.fake.waitForCalls(b.responseId, 1, 10_000);
    await bot.queue.idle();

    const votes = latestVotes((await readVotes(file)).votes);
    expect(votes).toHaveLength(2);
    expect(new Set(votes.map((v) => v.answerId)).size).toBe(1);
    expect(new Set(votes.map((v) => v.channel)).size).toBe(1);
    expect(votes.map((v) => v.workspace).sort()).toEqual(
      [hashWorkspace(A.teamId, SECRET), hashWorkspace(B.teamId, SECRET)].sort(),
    );
    const summary = summariseVotes(votes);
    expect(summary).toMatchObject({ answers: 2, down: 2 });
    expect(summary.workspaces).toHaveLength(2);
  });
});

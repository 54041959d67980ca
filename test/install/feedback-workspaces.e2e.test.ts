import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summariseVotes } from "../../src/feedback/feedback-report.js";
import { hashWorkspace } from "../../src/feedback/hash-voter.js";
import { latestVotes, readVotes } from "../../src/feedback/read-votes.js";
import type { BotHarness } from "../support/bot-harness.js";
import {
  clickFeedback,
  FEEDBACK_SECRET,
  feedbackBlockOf,
  startFeedbackBot,
} from "../support/feedback-bot.js";
import { install, mentionFrom, oauthEnv } from "../support/oauth-install.js";

// OAuth mode, two installed workspaces: the same person id clicking the same answer's buttons in
// the same channel id, once from each workspace, are two votes, counted apart.

const A = { teamId: "T0VOTEA", token: "xoxb-vote-alpha-secret-0001" };
const B = { teamId: "T0VOTEB", token: "xoxb-vote-bravo-secret-0002" };

let bot: BotHarness;
let file: string;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ bot, file, stop } = await startFeedbackBot("feedback-ws-e2e", (dir) =>
    oauthEnv(join(dir, "installations")),
  ));
});
afterAll(() => stop());

/** A feedback click on `value` from workspace `teamId`. */
function clickFrom(teamId: string, value: string) {
  return clickFeedback(bot, value, (fixture) => {
    fixture.body.team.id = teamId;
    fixture.body.user.team_id = teamId;
    fixture.body.message.team = teamId;
  });
}

describe("feedback from two installed workspaces", () => {
  it("counts votes on one answer id and channel id apart per workspace", async () => {
    await install(bot, { code: "code-a", teamId: A.teamId, botToken: A.token });
    await install(bot, { code: "code-b", teamId: B.teamId, botToken: B.token });
    await mentionFrom(bot, A, "C0CHAN3", "who granted Assad asylum?");
    const [answer] = await bot.fake.waitForCalls("chat.postMessage", 1, 10_000);
    const value = feedbackBlockOf(answer).elements[0].negative_button.value as string;

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
      [hashWorkspace(A.teamId, FEEDBACK_SECRET), hashWorkspace(B.teamId, FEEDBACK_SECRET)].sort(),
    );
    const summary = summariseVotes(votes);
    expect(summary).toMatchObject({ answers: 2, down: 2 });
    expect(summary.workspaces).toHaveLength(2);
  });
});

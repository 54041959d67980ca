// The setup the feedback end-to-end tests share: the real app with a vote log in a fresh temporary
// folder, the feedback block of a recorded post, and a replayed click on Slack's feedback buttons.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FeedbackLog } from "../../src/feedback/feedback-log.js";
import { BotHarness } from "./bot-harness.js";
import type { RecordedCall } from "./fake-slack.js";
import { loadSlackFixture, type SlackFixture } from "./slack-payloads.js";

/** The secret the feedback tests' vote logs hash voters with. */
export const FEEDBACK_SECRET = "test-feedback-secret";

export interface FeedbackBot {
  bot: BotHarness;
  /** The vote log, in a folder the log creates on its first vote. */
  file: string;
  /** Stops the bot and removes the temporary folder. */
  stop(): Promise<void>;
}

/**
 * Starts the app with a vote log under a fresh temporary folder named after `name`; `envIn` gives
 * settings that need a folder of their own (an installation store), under the same one.
 */
export async function startFeedbackBot(
  name: string,
  envIn: (dir: string) => Record<string, string> = () => ({}),
): Promise<FeedbackBot> {
  const dir = await mkdtemp(join(tmpdir(), `${name}-`));
  const file = join(dir, "votes", "feedback.jsonl");
  const bot = await new BotHarness().start(envIn(dir), undefined, {
    feedback: new FeedbackLog({ file, secret: FEEDBACK_SECRET }),
  });
  return {
    bot,
    file,
    async stop() {
      await bot.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: blocks are Slack's JSON as the fake recorded it
export type AnyBlock = any;

/** The feedback buttons' block of a recorded post, if it has one. */
export const feedbackBlockOf = (call: RecordedCall | undefined): AnyBlock | undefined =>
  (call?.body.blocks as AnyBlock[] | undefined)?.find((b) => b.type === "context_actions");

/** Replays Slack's feedback click on `value`, its payload first changed by `edit` (who, where). */
export function clickFeedback(
  bot: BotHarness,
  value: string,
  edit: (fixture: SlackFixture) => void = () => {},
) {
  const fixture = loadSlackFixture("block-actions-feedback");
  edit(fixture);
  return bot.replay(fixture, { vars: { FEEDBACK_VALUE: value } });
}

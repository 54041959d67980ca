import { afterAll, beforeAll, expect } from "vitest";
import { helpIntro } from "../../src/format/help-text.js";
import {
  BUSY_TEXT,
  ERROR_TEXT,
  NOT_SUPPORTED_TEXT,
  TOO_LONG_TEXT,
} from "../../src/format/messages.js";
import { BotHarness } from "./bot-harness.js";
import type { RecordedCall } from "./fake-slack.js";
import { loadSlackFixture } from "./slack-payloads.js";

/** Replies that are not an answer: the apology, the busy text, and the refusals. */
const NOT_ANSWERS: readonly string[] = [ERROR_TEXT, BUSY_TEXT, NOT_SUPPORTED_TEXT, TOO_LONG_TEXT];

/**
 * What the real-payload tests check replies with, over one bot: the posts it made, a way to wait
 * until everything sent has been handled, and what an answered question looks like.
 * `sentinelTs` keeps each file's sentinel DMs apart from the fixtures' own timestamps.
 */
export function replayHelpers(bot: () => BotHarness, sentinelPrefix: string, sentinelTs: number) {
  const posts = () => bot().fake.callsTo("chat.postMessage");
  const postsTo = (channel: string, threadTs?: string) =>
    posts().filter((c) => c.body.channel === channel && c.body.thread_ts === threadTs);
  let sentinels = 0;

  /**
   * Waits until every request sent before has been handled: a DM sent after them is answered,
   * and the queue is empty. Work after the ack runs in arrival order, so what was not posted by
   * then never will be.
   */
  async function settle(): Promise<void> {
    sentinels += 1;
    const channel = `${sentinelPrefix}${sentinels}`;
    const fixture = loadSlackFixture("dm");
    fixture.body.event.channel = channel;
    fixture.body.event.ts = `${sentinelTs + sentinels}.000100`;
    await bot().replay(fixture);
    const deadline = Date.now() + 10_000;
    while (postsTo(channel).length === 0 && Date.now() < deadline) {
      await bot()
        .fake.waitForCalls("chat.postMessage", posts().length + 1, 10_000)
        .catch(() => {});
    }
    await bot().queue.idle();
  }

  /**
   * A question was answered from its text: passages quoted, or the articles' "they don't say"; not
   * the usage an empty question gets, nor the apology or the busy text a failure or overload gets.
   */
  function expectAnswered(call: RecordedCall | undefined): void {
    expect(call).toBeDefined();
    const text = call?.body.text;
    expect(typeof text).toBe("string");
    expect(text?.length).toBeGreaterThan(0);
    expect(NOT_ANSWERS).not.toContain(text);
    expect(text).not.toContain(helpIntro(2));
    expect(Array.isArray(call?.body.blocks) && call.body.blocks.length > 0).toBe(true);
  }

  /**
   * Replays a fixture the bot must ack (200) and not answer: only the sentinel's reply follows, and
   * nothing is sent to the request's response_url.
   */
  async function expectAckedUnanswered(fixture: string): Promise<void> {
    const before = posts().length;
    const { response, responseId } = await bot().replay(fixture);
    expect(response.status).toBe(200);
    await settle();
    expect(posts()).toHaveLength(before + 1);
    expect(bot().fake.callsTo(responseId)).toHaveLength(0);
  }

  return { posts, postsTo, settle, expectAnswered, expectAckedUnanswered };
}

/**
 * A bot started before a test file's cases and stopped after them, with the replay helpers over
 * it: the set-up every real-payload file shares.
 */
export function replayBot(sentinelPrefix: string, sentinelTs: number) {
  let started: BotHarness | undefined;
  beforeAll(async () => {
    started = await new BotHarness().start();
  });
  afterAll(async () => {
    await started?.stop();
  });
  const bot = (): BotHarness => {
    if (!started) throw new Error("replayBot: the bot is used before it started");
    return started;
  };
  return { bot, ...replayHelpers(bot, sentinelPrefix, sentinelTs) };
}

import { afterEach, describe, expect, it } from "vitest";
import { ERROR_TEXT } from "../../src/format/messages.js";
import { BotHarness } from "../support/bot-harness.js";

// Issue 20, finding 15: one hung Slack endpoint must not starve the others, and after a call that
// may have landed nothing more is posted for that question.

let bot: BotHarness | undefined;
afterEach(async () => {
  const stopping = bot;
  bot = undefined;
  // Hung posts run out their deadlines before the queue is idle.
  await stopping?.stop();
}, 30_000);

const mention = (ts: string) => ({
  type: "app_mention",
  user: "U1",
  channel: "C9",
  ts,
  text: "<@UBOT> Tartus",
});

describe("replies to one endpoint while another hangs", () => {
  it("answers a mention at once while 2 × 64 slash commands' response_url posts hang", async () => {
    bot = await new BotHarness().start({ SLACK_CALL_TIMEOUT_MS: "6000", JOB_DEADLINE_MS: "8000" });
    const hung = Array.from({ length: 128 }, () => ({ status: 0, hang: true }));
    bot.fake.fail("hung", ...hung);
    const commands = await Promise.all(
      Array.from({ length: 128 }, (_, i) =>
        (bot as BotHarness).command(`Hmeimim ${i}`, { responseId: "hung" }),
      ),
    );
    expect(commands.every((c) => c.response.status === 200)).toBe(true);
    // Every response_url slot is now held by a post that hangs for 6 s, and 64 more wait behind.
    await bot.fake.waitForCalls("hung", 64, 10_000);
    const started = Date.now();
    await bot.event(mention("7.7"));
    const [answer] = await bot.fake.waitForCalls("chat.postMessage", 1, 5_000);
    const took = Date.now() - started;
    expect(answer?.body.thread_ts).toBe("7.7");
    // Behind the hung lane it would wait for the first 64 posts to time out (6 s).
    expect(took).toBeLessThan(5_000);
  }, 60_000);
});

describe("after a call that may have landed", () => {
  it("posts no apology when chat.postMessage times out", async () => {
    bot = await new BotHarness().start({ SLACK_CALL_TIMEOUT_MS: "400" });
    bot.fake.fail("chat.postMessage", { status: 0, hang: true });
    await bot.event(mention("8.8"));
    await bot.fake.waitForCalls("chat.postMessage", 1);
    await bot.queue.idle();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(bot.fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(bot.logs.some((l) => /may have been posted all the same: no apology/.test(l))).toBe(
      true,
    );
  });

  it("posts no apology after a 500, but still apologises when Slack refused the post outright", async () => {
    bot = await new BotHarness().start();
    bot.fake.fail("chat.postMessage", { status: 500 });
    await bot.event(mention("9.1"));
    await bot.fake.waitForCalls("chat.postMessage", 1);
    await bot.queue.idle();
    expect(bot.fake.callsTo("chat.postMessage")).toHaveLength(1);
    bot.fake.fail("chat.postMessage", {
      status: 200,
      body: { ok: false, error: "not_in_channel" },
    });
    await bot.event(mention("9.2"));
    const calls = await bot.fake.waitForCalls("chat.postMessage", 3);
    expect(calls.at(-1)?.body.text).toBe(ERROR_TEXT);
  });
});

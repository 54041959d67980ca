import { afterEach, describe, expect, it } from "vitest";
import { ERROR_TEXT } from "../../src/format/messages.js";
import { BotHarness } from "../support/bot-harness.js";

// The Slack Web API and response_urls failing as they do in production, against the real app.

let bot: BotHarness | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const mention = (ts: string) => ({
  type: "app_mention",
  user: "U1",
  channel: "C9",
  ts,
  text: "<@UBOT> Tartus",
});

describe("faults", () => {
  it("retries a 500 from the Web API and delivers the answer", async () => {
    bot = await new BotHarness().start({}, { timeoutMs: 2_000, retries: 2 });
    bot.fake.fail("chat.postMessage", { status: 500 });
    await bot.event(mention("1.1"));
    const calls = await bot.fake.waitForCalls("chat.postMessage", 2);
    expect(calls[1]?.body.thread_ts).toBe("1.1");
    expect(calls[1]?.body.text).not.toBe(ERROR_TEXT);
  });

  it("waits out a 429's Retry-After, then delivers the answer", async () => {
    bot = await new BotHarness().start({}, { timeoutMs: 2_000, retries: 2 });
    bot.fake.fail("chat.postMessage", { status: 429, headers: { "retry-after": "1" } });
    const started = Date.now();
    await bot.event(mention("2.2"));
    const calls = await bot.fake.waitForCalls("chat.postMessage", 2, 5_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(calls[1]?.body.text).not.toBe(ERROR_TEXT);
  });

  it("apologises after the Web API times out on every try, and keeps serving", async () => {
    bot = await new BotHarness().start({}, { timeoutMs: 200, retries: 1 });
    const slow = { status: 200, delayMs: 600, body: { ok: true } };
    bot.fake.fail("chat.postMessage", slow, slow);
    await bot.event(mention("3.3"));
    const calls = await bot.fake.waitForCalls("chat.postMessage", 3, 8_000);
    const apology = calls.find((c) => c.body.text === ERROR_TEXT);
    expect(apology?.body.thread_ts).toBe("3.3");
    expect(bot.logs.some((l) => /failed/.test(l))).toBe(true);
    await bot.event(mention("3.4"));
    await bot.fake.waitForCalls("chat.postMessage", 4, 5_000);
  });

  it("retries a 500 from a response_url and delivers the answer", async () => {
    bot = await new BotHarness().start();
    bot.fake.fail("flaky", { status: 500 });
    await bot.command("Hmeimim", { responseId: "flaky" });
    const calls = await bot.fake.waitForCalls("flaky", 2);
    expect(calls[1]?.body.response_type).toBe("ephemeral");
    expect(calls[1]?.body.text).not.toBe(ERROR_TEXT);
  });

  it("logs an expired response_url without retrying it, and keeps serving", async () => {
    bot = await new BotHarness().start();
    bot.fake.fail(
      "expired",
      { status: 404, body: "expired_url" },
      { status: 404, body: "expired_url" },
    );
    await bot.command("Hmeimim", { responseId: "expired" });
    await bot.fake.waitForCalls("expired", 2);
    await bot.queue.idle();
    expect(bot.fake.callsTo("expired")).toHaveLength(2); // the answer, then the apology: no retries
    expect(bot.logs.some((l) => /error .*404/.test(l))).toBe(true);
    const { responseId } = await bot.command("Hmeimim");
    expect((await bot.fake.waitForCalls(responseId))[0]?.body.response_type).toBe("ephemeral");
  });
});

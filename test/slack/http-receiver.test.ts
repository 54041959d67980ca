import { afterEach, describe, expect, it } from "vitest";
import { SlackHttpReceiver } from "../../src/slack/http-receiver.js";
import { BotHarness } from "../support/bot-harness.js";

describe("SlackHttpReceiver", () => {
  let receiver: SlackHttpReceiver | undefined;
  afterEach(async () => {
    await receiver?.stop();
    receiver = undefined;
  });

  it("answers 503 to /health and to Slack's requests until the index is ready, then 200", async () => {
    let passages: number | null = null;
    receiver = new SlackHttpReceiver({ signingSecret: "s", readiness: () => ({ passages }) });
    const base = `http://127.0.0.1:${await receiver.start(0, "127.0.0.1")}`;
    expect((await fetch(`${base}/health`)).status).toBe(503);
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: "starting" });
    expect((await fetch(`${base}/slack/events`, { method: "POST", body: "{}" })).status).toBe(503);
    passages = 42;
    const ready = await fetch(`${base}/health`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok", passages: 42 });
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });
});

describe("request limits over HTTP", () => {
  let bot: BotHarness | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it("refuses a body over Bolt's limit with 413, and calls no Slack API", async () => {
    bot = await new BotHarness().start();
    const before = bot.fake.calls.length;
    const huge = `text=${"a".repeat(5 * 1024 * 1024)}`;
    const response = await bot.post(huge, "application/x-www-form-urlencoded");
    expect(response.status).toBe(413);
    expect(bot.fake.calls.length).toBe(before);
  });

  it("stops taking requests when stopping, and /health says so", async () => {
    bot = await new BotHarness().start();
    const base = bot.base;
    const stopped = bot.receiver.stop();
    const during = await fetch(`${base}/health`).then(
      (r) => r.status,
      () => "refused",
    );
    expect([503, "refused"]).toContain(during);
    await stopped;
  });
});

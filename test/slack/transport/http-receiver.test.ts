import { once } from "node:events";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { SlackHttpReceiver } from "../../../src/slack/transport/http-receiver.js";
import { BotHarness } from "../../support/bot-harness.js";
import { eventCallback, signedHeaders, slashCommandForm } from "../../support/slack-payloads.js";

describe("SlackHttpReceiver", () => {
  let receiver: SlackHttpReceiver | undefined;
  afterEach(async () => {
    await receiver?.stop();
    receiver = undefined;
  });

  it("answers /health and url_verification while the index builds, events 503, then 200", async () => {
    let passages: number | null = null;
    receiver = new SlackHttpReceiver({ signingSecret: "s", readiness: () => ({ passages }) });
    const base = `http://127.0.0.1:${await receiver.start(0, "127.0.0.1")}`;
    const post = (body: string) =>
      fetch(`${base}/slack/events`, {
        method: "POST",
        headers: signedHeaders("s", body, "application/json"),
        body,
      });
    expect((await fetch(`${base}/health`)).status).toBe(503);
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: "building" });
    const challenge = await post('{"type":"url_verification","challenge":"c-42"}');
    expect(challenge.status).toBe(200);
    expect(await challenge.json()).toEqual({ challenge: "c-42" });
    expect((await post(JSON.stringify(eventCallback({ type: "app_mention" }, "Ev1")))).status).toBe(
      503,
    );
    expect((await fetch(`${base}/slack/events`, { method: "POST", body: "{}" })).status).toBe(401);
    passages = 42;
    const ready = await fetch(`${base}/health`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok", passages: 42 });
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it("answers bad input with 400, never 500: null, a null event, an array, not JSON", async () => {
    receiver = new SlackHttpReceiver({ signingSecret: "s", readiness: () => ({ passages: 1 }) });
    const base = `http://127.0.0.1:${await receiver.start(0, "127.0.0.1")}`;
    for (const body of ["null", '{"event": null}', '{"type":"event_callback"}', "[]", "{"]) {
      const response = await fetch(`${base}/slack/events`, {
        method: "POST",
        headers: signedHeaders("s", body, "application/json"),
        body,
      });
      expect([body, response.status]).toEqual([body, 400]);
    }
  });

  it("serves a real request and stops at once with 300 slow clients (slowloris) connected", async () => {
    receiver = new SlackHttpReceiver({ signingSecret: "s", readiness: () => ({ passages: 1 }) });
    const port = await receiver.start(0, "127.0.0.1");
    const slow = await Promise.all(
      Array.from({ length: 300 }, async () => {
        const socket = connect(port, "127.0.0.1");
        await once(socket, "connect");
        socket.on("error", () => {});
        socket.write("POST /slack/events HTTP/1.1\r\nHost: x\r\n"); // and never the rest
        return socket;
      }),
    );
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    const closed = Promise.all(slow.map((socket) => once(socket, "close")));
    await receiver.stop();
    receiver = undefined;
    await closed; // every slow client was cut by the stop, not left to time out
  });

  it("listens where HOST says: loopback only for 127.0.0.1", async () => {
    receiver = new SlackHttpReceiver({ signingSecret: "s", readiness: () => ({ passages: 1 }) });
    const port = await receiver.start(0, "127.0.0.1");
    const address = (
      receiver as unknown as { server: import("node:http").Server }
    ).server.address();
    expect(address).toMatchObject({ address: "127.0.0.1", port });
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i?.family === "IPv4" && !i.internal)?.address;
    if (external !== undefined)
      await expect(fetch(`http://${external}:${port}/health`)).rejects.toThrow();
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

  it("takes a slash command sent as a form with a charset", async () => {
    bot = await new BotHarness().start();
    const form = slashCommandForm("Hmeimim", bot.fake.responseUrl("charset"));
    const response = await bot.post(form, "application/x-www-form-urlencoded; charset=utf-8");
    expect(response.status).toBe(200);
    const calls = await bot.fake.waitForCalls("charset");
    expect(calls[0]?.body.response_type).toBe("ephemeral");
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

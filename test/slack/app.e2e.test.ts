import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helpIntro } from "../../src/format/help-text.js";
import { ERROR_TEXT, NO_MATCH_TEXT } from "../../src/format/messages.js";
import { escapeMrkdwn } from "../../src/format/mrkdwn.js";
import { SHARE_ACTION_ID } from "../../src/format/render-answer-blocks.js";
import { replyToJson } from "../../src/format/reply-json.js";
import { answererFor } from "../../src/requests/request-answerer.js";
import { routeRequest } from "../../src/requests/route-request.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { BotHarness } from "../support/bot-harness.js";

// The real app in HTTP mode, driven as Slack drives it: signed requests in, Web API calls and
// response_url posts out to a fake Slack on 127.0.0.1.

let bot: BotHarness;
beforeAll(async () => {
  bot = await new BotHarness().start();
});
afterAll(async () => {
  await bot.stop();
});

const allText = (body: { text?: string; blocks?: unknown[] }) =>
  `${body.text ?? ""} ${JSON.stringify(body.blocks ?? [])}`;

describe("the bot over HTTP", () => {
  it("answers the url_verification challenge", async () => {
    const body = JSON.stringify({ type: "url_verification", challenge: "abc123", token: "x" });
    const response = await bot.post(body, "application/json");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: "abc123" });
  });

  it("answers a slash command with its source, acked within 3 s, only to the asker", async () => {
    const started = Date.now();
    const { response, responseId } = await bot.command("who granted asylum");
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    const [reply] = await bot.fake.waitForCalls(responseId);
    expect(reply?.body.response_type).toBe("ephemeral");
    const text = allText(reply?.body);
    expect(text).toMatch(/Putin/);
    expect(text).toContain("Example Times");
    expect(text).toContain(
      "<https://example.com/putin-decision?id=1%7C2|Putin Personally Granted Asylum, Kremlin Says>",
    );
    expect(text).toContain(SHARE_ACTION_ID);
    expect(reply?.body.text.length).toBeGreaterThan(0);
  });

  it("shows usage for an empty command and for help", async () => {
    for (const text of ["", "help"]) {
      const { responseId } = await bot.command(text);
      const [reply] = await bot.fake.waitForCalls(responseId);
      expect(reply?.body.text).toBe(helpIntro(2));
      // Help names the command the request came with, and its news views.
      expect(allText(reply?.body)).toContain("/syria timeline");
    }
  });

  it("routes /syria sources and /syria timeline to the same views the CLI prints", async () => {
    const index = await buildIndexFromCorpus("test/fixtures/corpus");
    const ask = answererFor(index);
    for (const request of ["sources", "timeline"]) {
      const { responseId } = await bot.command(request);
      const [reply] = await bot.fake.waitForCalls(responseId);
      const cli = replyToJson(ask(routeRequest(request), "/syria")) as Record<string, unknown[]>;
      const shown = allText(reply?.body);
      const items = request === "sources" ? cli.sources : cli.events;
      expect(items?.length).toBeGreaterThan(0);
      for (const item of items as { title: string | null; text?: string }[]) {
        // Every article (sources) or event sentence (timeline) the CLI lists is in the Slack reply.
        const words = (item.text ?? item.title ?? "").split(/\s+/).slice(0, 4).join(" ");
        expect(words.length).toBeGreaterThan(0);
        expect(shown).toContain(escapeMrkdwn(words));
      }
    }
  });

  it("says nothing matches, with examples, rather than weak hits", async () => {
    const { responseId } = await bot.command("banana bread recipe");
    const [reply] = await bot.fake.waitForCalls(responseId);
    expect(reply?.body.text).toBe(NO_MATCH_TEXT);
    expect(allText(reply?.body)).not.toMatch(/Putin/);
  });

  it("answers a mention in the mention's thread, or the thread it was in", async () => {
    const before = bot.fake.callsTo("chat.postMessage").length;
    await bot.event({
      type: "app_mention",
      user: "U1",
      channel: "C9",
      ts: "100.1",
      text: "<@UBOT> why humanitarian grounds",
    });
    await bot.event({
      type: "app_mention",
      user: "U1",
      channel: "C9",
      ts: "200.2",
      thread_ts: "150.5",
      text: "<@UBOT> Hmeimim airbase",
    });
    const calls = (await bot.fake.waitForCalls("chat.postMessage", before + 2)).slice(before);
    const first = calls.find((c) => c.body.thread_ts === "100.1");
    const second = calls.find((c) => c.body.thread_ts === "150.5");
    expect(first?.body.channel).toBe("C9");
    expect(allText(first?.body)).toMatch(/humanitarian/);
    expect(allText(second?.body)).toMatch(/Hmeimim/);
    expect(first?.authorization).toBe("Bearer xoxb-test-bot-token-abcdef");
  });

  it("answers a direct message in the DM, and ignores bots, edits and joins", async () => {
    const before = bot.fake.callsTo("chat.postMessage").length;
    const dm = { type: "message", channel_type: "im", channel: "D1", user: "U1", ts: "300.1" };
    await bot.event({ ...dm, text: "bot message", bot_id: "B2", ts: "300.2" });
    await bot.event({ ...dm, subtype: "message_changed", ts: "300.3" });
    await bot.event({ ...dm, subtype: "channel_join", text: "joined", ts: "300.4" });
    await bot.event({ ...dm, text: "what about the Tartus naval facility" });
    const calls = (await bot.fake.waitForCalls("chat.postMessage", before + 1)).slice(before);
    await new Promise((r) => setTimeout(r, 300));
    expect(bot.fake.callsTo("chat.postMessage").length).toBe(before + 1);
    expect(calls[0]?.body.channel).toBe("D1");
    expect(calls[0]?.body.thread_ts).toBeUndefined();
    expect(allText(calls[0]?.body)).toMatch(/Tartus/);
  });

  it("answers a retried event once", async () => {
    const before = bot.fake.callsTo("chat.postMessage").length;
    const event = {
      type: "app_mention",
      user: "U1",
      channel: "C9",
      ts: "400.1",
      text: "<@UBOT> Ulyanov",
    };
    const first = await bot.event(event, { eventId: "EvRetry1" });
    const retry = await bot.event(event, {
      eventId: "EvRetry1",
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(first.response.status).toBe(200);
    expect(retry.response.status).toBe(200);
    await bot.fake.waitForCalls("chat.postMessage", before + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(bot.fake.callsTo("chat.postMessage").length).toBe(before + 1);
  });

  it("rejects a bad signature, a stale timestamp and a future one, calling no Slack API", async () => {
    const before = bot.fake.calls.length;
    const now = Math.floor(Date.now() / 1000);
    expect((await bot.command("who", { signature: "v0=deadbeef" })).response.status).toBe(401);
    expect((await bot.command("who", { timestamp: now - 6 * 60 })).response.status).toBe(401);
    expect((await bot.command("who", { timestamp: now + 6 * 60 })).response.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(bot.fake.calls.length).toBe(before);
  });

  it("shares an answer in the channel, naming who shared it, and removes the ephemeral one", async () => {
    const response = await bot.click(SHARE_ACTION_ID, "who granted asylum", "share1");
    expect(response.status).toBe(200);
    const [posted, deleted] = await bot.fake.waitForCalls("share1", 2);
    expect(posted?.body.response_type).toBe("in_channel");
    expect(allText(posted?.body)).toContain("Shared by <@U1>");
    expect(allText(posted?.body)).toMatch(/Putin/);
    expect(allText(posted?.body)).not.toContain(SHARE_ACTION_ID);
    expect(deleted?.body).toEqual({ delete_original: true });
  });

  it("neutralises <!channel> and user mentions in a question", async () => {
    const { responseId } = await bot.command("<!channel> <!here> <@U123> who granted asylum &");
    const [reply] = await bot.fake.waitForCalls(responseId);
    const text = allText(reply?.body);
    expect(text).not.toMatch(/<!channel>|<!here>|<!everyone>|<@U123>/);
    const mention = await bot.command("<!channel>");
    const [help] = await bot.fake.waitForCalls(mention.responseId);
    expect(allText(help?.body)).not.toContain("<!channel>");
  });

  it("escapes markup that comes from the corpus", async () => {
    const { responseId } = await bot.command("Ulyanov envoy Vienna friends");
    const [reply] = await bot.fake.waitForCalls(responseId);
    const text = allText(reply?.body);
    expect(text).toContain("&lt;!channel&gt; &amp; friends");
    expect(text).not.toContain("<!channel>");
  });

  it("turns a Slack API error into an apology in the thread, and keeps serving", async () => {
    bot.fake.fail("chat.postMessage", {
      status: 200,
      body: { ok: false, error: "channel_not_found" },
    });
    const before = bot.fake.callsTo("chat.postMessage").length;
    await bot.event({
      type: "app_mention",
      user: "U1",
      channel: "C9",
      ts: "500.1",
      text: "<@UBOT> Tartus",
    });
    const calls = (await bot.fake.waitForCalls("chat.postMessage", before + 2)).slice(before);
    expect(calls[1]?.body).toMatchObject({ text: ERROR_TEXT, thread_ts: "500.1" });
    expect(bot.logs.some((line) => /channel_not_found/.test(line))).toBe(true);
    const { responseId } = await bot.command("Tartus");
    expect((await bot.fake.waitForCalls(responseId))[0]?.body.response_type).toBe("ephemeral");
  });

  it("apologises through respond when the command's answer cannot be delivered", async () => {
    bot.fake.fail("failing-response", {
      status: 400,
      body: { ok: false, error: "invalid_blocks" },
    });
    await bot.command("Hmeimim", { responseId: "failing-response" });
    const calls = await bot.fake.waitForCalls("failing-response", 2);
    expect(calls[1]?.body).toMatchObject({ response_type: "ephemeral", text: ERROR_TEXT });
  });

  it("reports health with the corpus size", async () => {
    const response = await fetch(`${bot.base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", passages: expect.any(Number) });
  });
});

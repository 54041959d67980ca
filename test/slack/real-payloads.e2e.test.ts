import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUSY_TEXT, NOT_SUPPORTED_TEXT } from "../../src/format/messages.js";
import { SHARE_ACTION_ID } from "../../src/format/render-answer-blocks.js";
import { WorkQueue } from "../../src/slack/work-queue.js";
import { MemoryStore } from "../../src/state/memory-store.js";
import { BotHarness } from "../support/bot-harness.js";
import type { RecordedCall } from "../support/fake-slack.js";
import { replayBot } from "../support/replay-helpers.js";
import { loadSlackFixture, slackFixtureNames } from "../support/slack-payloads.js";

// Requests shaped as Slack sends them, from the fixtures Slack's own SDKs test against (see
// test/fixtures/slack/ and docs/slack-payloads.md), replayed signed in HTTP mode against the real
// app and a fake Slack. Each case holds or the bot misbehaves in a real workspace.

const { bot, posts, postsTo, settle, expectAnswered, expectAckedUnanswered } = replayBot(
  "D0SENTINEL",
  1733009000,
);

const textOf = (call: RecordedCall | undefined) =>
  `${call?.body.text ?? ""} ${JSON.stringify(call?.body.blocks ?? [])}`;

describe("every fixture", () => {
  it("names where its shape comes from and how Slack encodes it", () => {
    const names = slackFixtureNames();
    expect(names.length).toBeGreaterThanOrEqual(30);
    for (const name of names) {
      const fixture = loadSlackFixture(name);
      expect(fixture.source, name).toMatch(/slackapi\/|Slack docs/);
      expect(["json", "form", "payload-form"], name).toContain(fixture.encoding);
    }
  });
});

describe("mentions as Slack sends them", () => {
  it("answers a mention in its thread, and an edit that keeps the mention not again", async () => {
    expect((await bot().replay("app-mention")).response.status).toBe(200);
    expect((await bot().replay("app-mention-edited")).response.status).toBe(200);
    await settle();
    const replies = postsTo("C0CHAN1", "1733000001.000100");
    expect(replies).toHaveLength(1);
    expectAnswered(replies[0]);
  });

  it("does not answer an edit that adds a mention to a message seen before or not", async () => {
    const edited = loadSlackFixture("app-mention-edited");
    edited.body.event.ts = "1733000011.000100";
    edited.body.event.event_ts = "1733000031.000000";
    expect((await bot().replay(edited)).response.status).toBe(200);
    await settle();
    expect(postsTo("C0CHAN1", "1733000011.000100")).toHaveLength(0);
  });

  it("answers a mention inside a thread in that thread", async () => {
    await bot().replay("app-mention-in-thread");
    await settle();
    expect(postsTo("C0CHAN1", "1733000000.000050")).toHaveLength(1);
  });

  it("answers a mention posted with a file from its text", async () => {
    await bot().replay("app-mention-with-file");
    await settle();
    const replies = postsTo("C0CHAN1", "1733000003.000300");
    expect(replies).toHaveLength(1);
    expectAnswered(replies[0]);
  });

  it.each([
    "app-mention-bot-id",
    "app-mention-bot-message",
    "app-mention-own-bot",
    "app-mention-own-user-no-bot-id",
  ])("never answers a bot: %s", async (name) => {
    const { response } = await bot().replay(name);
    expect(response.status).toBe(200);
    const ts = loadSlackFixture(name).body.event.ts;
    await settle();
    expect(posts().filter((c) => c.body.thread_ts === ts)).toHaveLength(0);
  });

  it("answers a retried delivery (same event_id) once", async () => {
    const fixture = loadSlackFixture("app-mention");
    fixture.body.event.ts = "1733000021.000100";
    const vars = { EVENT_ID: "Ev0RETRY1" };
    await bot().replay(fixture, { vars });
    await bot().replay(fixture, {
      vars,
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    await settle();
    expect(postsTo("C0CHAN1", "1733000021.000100")).toHaveLength(1);
  });
});

describe("direct messages as Slack sends them", () => {
  it("answers a DM in the DM, outside any thread", async () => {
    await bot().replay("dm");
    await settle();
    const replies = postsTo("D0DM1").filter((c) => c.body.thread_ts === undefined);
    expect(replies).toHaveLength(1);
    expectAnswered(replies[0]);
  });

  it("answers a DM sent in a DM thread in that thread", async () => {
    const before = postsTo("D0DM1", "1733000090.000010").length;
    await bot().replay("dm-in-thread");
    await settle();
    expect(postsTo("D0DM1", "1733000090.000010")).toHaveLength(before + 1);
  });

  it("answers a DM with a file from its text, and ignores the file", async () => {
    const before = postsTo("D0DM1").length;
    await bot().replay("dm-file-share");
    await settle();
    const replies = postsTo("D0DM1").slice(before);
    expect(replies).toHaveLength(1);
    expectAnswered(replies[0]);
    expect(bot().fake.calls.some((c) => /^files\./.test(c.name))).toBe(false);
  });

  it("answers a DM with a file inside a thread in that thread", async () => {
    const before = postsTo("D0DM1", "1733000090.000010").length;
    await bot().replay("dm-file-share-in-thread");
    await settle();
    expect(postsTo("D0DM1", "1733000090.000010")).toHaveLength(before + 1);
  });

  it("answers a DM thread reply also sent to the DM (thread_broadcast) in that thread", async () => {
    const before = postsTo("D0DM1", "1733000090.000010").length;
    await bot().replay("dm-thread-broadcast");
    await settle();
    const replies = postsTo("D0DM1", "1733000090.000010").slice(before);
    expect(replies).toHaveLength(1);
    expectAnswered(replies[0]);
  });

  it.each([
    "dm-message-changed",
    "dm-message-deleted",
    "dm-bot-message",
    "dm-bot-id",
    "dm-own-reply",
    "channel-message",
    "unsubscribed-event",
  ])("acks and does not answer: %s", async (name) => {
    await expectAckedUnanswered(name);
  });
});

describe("requests the app has no listener for", () => {
  it("acks app_rate_limited at once, and warns once a minute however many arrive", async () => {
    const warningsBefore = bot().logs.filter((l) => /rate limiting/.test(l)).length;
    for (let i = 0; i < 3; i++) {
      const { response } = await bot().replay("app-rate-limited");
      expect(response.status).toBe(200);
    }
    const warnings = bot().logs.filter((l) => /rate limiting/.test(l));
    expect(warnings).toHaveLength(warningsBefore + 1);
    expect(warnings.at(-1)).toMatch(/^warn .*T0TEAM1/);
  });

  it("answers url_verification with the challenge", async () => {
    const { response } = await bot().replay("url-verification");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: "p4Qk2ZrVsT9wXy7Lm3Nb8Cd1Ef6Gh5Jk0" });
  });

  it("acks an unknown slash command with a short ephemeral not-supported", async () => {
    const { response, responseId } = await bot().replay("command-unknown");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ response_type: "ephemeral", text: NOT_SUPPORTED_TEXT });
    await settle();
    expect(bot().fake.callsTo(responseId)).toHaveLength(0);
  });

  it.each([
    "block-actions-unknown",
    "attachment-action-unknown",
    "global-shortcut-undefined",
    "message-shortcut-undefined",
    "view-submission",
    "view-closed",
  ])("acks %s with 200 and posts nothing", async (name) => {
    await expectAckedUnanswered(name);
    expect(bot().logs.some((l) => /Unhandled|unhandled/.test(l))).toBe(false);
  });
});

describe("the slash command and its Share button", () => {
  it("answers the command only to the asker", async () => {
    const { response, responseId } = await bot().replay("command");
    expect(response.status).toBe(200);
    const [reply] = await bot().fake.waitForCalls(responseId);
    expect(reply?.body.response_type).toBe("ephemeral");
    expectAnswered(reply);
    expect(textOf(reply)).toContain("what did the officials say");
  });

  it("posts once when Share is clicked twice quickly", async () => {
    const vars = { SHARE_ACTION_ID };
    const [first, second] = await Promise.all([
      bot().replay("block-actions-share", { vars }),
      bot().replay("block-actions-share-second-click", { vars }),
    ]);
    expect(first.response.status).toBe(200);
    expect(second.response.status).toBe(200);
    await settle();
    const calls = [
      ...bot().fake.callsTo(first.responseId),
      ...bot().fake.callsTo(second.responseId),
    ];
    expect(calls.filter((c) => c.body.response_type === "in_channel")).toHaveLength(1);
    expect(calls.filter((c) => c.body.delete_original === true)).toHaveLength(1);
  });
});

describe("a full work queue", () => {
  let busy: BotHarness;
  beforeAll(async () => {
    busy = await new BotHarness().start({}, undefined, {
      queue: new WorkQueue({ maxWaiting: 0 }),
      state: new MemoryStore(),
    });
  });
  afterAll(async () => {
    await busy.stop();
  });

  it("tells a mention, a DM and a command to ask again, where each was asked", async () => {
    await busy.replay("app-mention");
    await busy.replay("dm-in-thread");
    const command = await busy.replay("command");
    expect(await command.response.json()).toEqual({ response_type: "ephemeral", text: BUSY_TEXT });
    const calls = await busy.fake.waitForCalls("chat.postMessage", 2, 10_000);
    expect(calls.map((c) => [c.body.channel, c.body.thread_ts, c.body.text]).sort()).toEqual([
      ["C0CHAN1", "1733000001.000100", BUSY_TEXT],
      ["D0DM1", "1733000090.000010", BUSY_TEXT],
    ]);
  });
});

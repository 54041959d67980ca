import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  LOADING_MESSAGES,
  SUGGESTED_PROMPTS_TITLE,
  suggestedPrompts,
  THINKING_STATUS,
} from "../../src/format/assistant-prompts.js";
import { answererFor } from "../../src/requests/request-answerer.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { BotHarness } from "../support/bot-harness.js";
import type { RecordedCall } from "../support/fake-slack.js";
import { loadSlackFixture } from "../support/slack-payloads.js";

// The agent view and assistant threads, over signed HTTP against the fake Slack: suggested
// prompts when the Messages tab opens or an assistant thread starts, the thinking status before a
// DM in an assistant thread is answered, and the Home tab.

const EXAMPLES = [
  "who granted asylum",
  "why humanitarian grounds",
  "what about the Tartus naval facility",
];
const STATS = {
  articles: 2,
  outlets: 1,
  passages: 5,
  firstPublished: "2024-12-09",
  lastPublished: "2024-12-09",
};

let bot: BotHarness;
let statsReady = true;
beforeAll(async () => {
  const index = await buildIndexFromCorpus("test/fixtures/corpus");
  bot = await new BotHarness().start({}, undefined, {
    ask: answererFor(index),
    examples: () => EXAMPLES,
    corpusStats: () => (statsReady ? STATS : null),
  });
});
afterAll(async () => {
  await bot.stop();
});

const since = (calls: RecordedCall[], before: number) => calls.slice(before);

describe("suggested prompts", () => {
  it("are set for the agent view's DM channel, without a thread_ts, when the Messages tab opens", async () => {
    const { response } = await bot.replay("app-home-opened-messages");
    expect(response.status).toBe(200);
    const [call] = await bot.fake.waitForCalls("assistant.threads.setSuggestedPrompts");
    expect(call?.body.channel_id).toBe("D0DM1");
    expect(call?.body).not.toHaveProperty("thread_ts");
    expect(call?.body.title).toBe(SUGGESTED_PROMPTS_TITLE);
    expect(call?.body.prompts).toEqual(suggestedPrompts(EXAMPLES));
    expect(call?.body.prompts.length).toBeGreaterThan(0);
  });

  it("are set for an assistant thread, with its thread_ts, when it starts", async () => {
    const before = bot.fake.callsTo("assistant.threads.setSuggestedPrompts").length;
    const { response } = await bot.replay("assistant-thread-started");
    expect(response.status).toBe(200);
    const calls = await bot.fake.waitForCalls("assistant.threads.setSuggestedPrompts", before + 1);
    const [call] = since(calls, before);
    expect(call?.body.channel_id).toBe("D0DM2");
    expect(call?.body.thread_ts).toBe("1733000400.000100");
    expect(call?.body.prompts).toEqual(suggestedPrompts(EXAMPLES));
  });

  it("a context change is acked and changes nothing", async () => {
    const before = bot.fake.calls.length;
    const { response } = await bot.replay("assistant-thread-context-changed");
    expect(response.status).toBe(200);
    await bot.queue.idle();
    expect(bot.fake.calls.length).toBe(before);
  });
});

describe("the thinking status", () => {
  it("is set in an assistant thread before the answer to a DM there is posted", async () => {
    await bot.replay("assistant-thread-started");
    await bot.queue.idle();
    const before = bot.fake.calls.length;
    await bot.replay("dm-in-assistant-thread");
    await bot.fake.waitForCalls("chat.postMessage", 1, 10_000);
    await bot.queue.idle();
    const calls = bot.fake.calls
      .slice(before)
      .filter((c) => c.name === "assistant.threads.setStatus" || c.name === "chat.postMessage");
    expect(calls.map((c) => c.name)).toEqual(["assistant.threads.setStatus", "chat.postMessage"]);
    const [status, reply] = calls;
    expect(status?.body).toMatchObject({
      channel_id: "D0DM2",
      thread_ts: "1733000400.000100",
      status: THINKING_STATUS,
      loading_messages: [...LOADING_MESSAGES],
    });
    expect(reply?.body.channel).toBe("D0DM2");
    expect(reply?.body.thread_ts).toBe("1733000400.000100");
  });

  it("is not set for a DM outside an assistant thread", async () => {
    const before = bot.fake.callsTo("assistant.threads.setStatus").length;
    const posts = bot.fake.callsTo("chat.postMessage").length;
    await bot.replay("dm");
    await bot.fake.waitForCalls("chat.postMessage", posts + 1, 10_000);
    await bot.queue.idle();
    expect(bot.fake.callsTo("assistant.threads.setStatus")).toHaveLength(before);
  });

  it("is cleared with an empty status when the answer cannot be posted", async () => {
    const fixture = loadSlackFixture("dm-in-assistant-thread");
    fixture.body.event.ts = "1733000403.000400";
    const before = bot.fake.callsTo("assistant.threads.setStatus").length;
    bot.fake.fail("chat.postMessage", { status: 200, body: { ok: false, error: "msg_too_long" } });
    await bot.replay(fixture);
    const calls = await bot.fake.waitForCalls("assistant.threads.setStatus", before + 2, 10_000);
    await bot.queue.idle();
    expect(since(calls, before).map((c) => c.body.status)).toEqual([THINKING_STATUS, ""]);
  });
});

describe("the Home tab", () => {
  it("publishes a home view for the person, naming the number of articles", async () => {
    const { response } = await bot.replay("app-home-opened-home");
    expect(response.status).toBe(200);
    const [call] = await bot.fake.waitForCalls("views.publish");
    expect(call?.body.user_id).toBe("U0ASKER1");
    expect(call?.body.view.type).toBe("home");
    const text = JSON.stringify(call?.body.view.blocks);
    expect(text).toContain("2 news articles");
    expect(text).toContain("/syria who granted asylum");
  });

  it("publishes nothing while the index is not ready", async () => {
    statsReady = false;
    const before = bot.fake.callsTo("views.publish").length;
    await bot.replay("app-home-opened-home");
    await bot.queue.idle();
    statsReady = true;
    expect(bot.fake.callsTo("views.publish")).toHaveLength(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answererFor } from "../../src/requests/request-answerer.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { BotHarness } from "../support/bot-harness.js";
import type { RecordedCall } from "../support/fake-slack.js";
import { loadSlackFixture } from "../support/slack-payloads.js";

// Follow-ups without a mention, over signed HTTP against the fake Slack: after the bot answered in
// a channel thread, the next message there is answered in the thread, read with the earlier
// question; every other channel message gets nothing and leaves no trace in the log.

let bot: BotHarness;
const searched: string[] = [];
beforeAll(async () => {
  const index = await buildIndexFromCorpus("test/fixtures/corpus");
  const answer = answererFor(index, { cacheSize: 0 });
  bot = await new BotHarness().start({}, undefined, {
    ask: (request, commandName) => {
      if (request.kind === "question") searched.push(request.question);
      return answer(request, commandName);
    },
  });
});
afterAll(async () => {
  await bot.stop();
});

const postsIn = (channel: string, threadTs?: string) =>
  bot.fake
    .callsTo("chat.postMessage")
    .filter((c) => c.body.channel === channel && (!threadTs || c.body.thread_ts === threadTs));
const textOf = (call: RecordedCall | undefined) =>
  `${call?.body.text ?? ""} ${JSON.stringify(call?.body.blocks ?? [])}`;

/** Waits for the bot to finish what it was given, including a reply that never comes. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await bot.queue.idle();
}

const THREAD = "1733000500.000100";
const mention = {
  type: "app_mention",
  user: "U0ASKER1",
  channel: "C0CHAN3",
  ts: THREAD,
  text: "<@UBOT> who granted Assad asylum?",
};

describe("a follow-up in a channel thread the bot answered", () => {
  it("is answered in the thread, searched with the earlier question's subject", async () => {
    await bot.event(mention);
    await bot.fake.waitForCalls("chat.postMessage", 1, 10_000);
    await settle();
    expect(postsIn("C0CHAN3", THREAD)).toHaveLength(1);

    const { response } = await bot.replay("channel-thread-message");
    expect(response.status).toBe(200);
    await bot.fake.waitForCalls("chat.postMessage", 2, 10_000);
    await settle();
    const replies = postsIn("C0CHAN3", THREAD);
    expect(replies).toHaveLength(2);
    expect(searched.at(-1)).toBe("and where is he now? Assad");
    expect(textOf(replies[1])).toContain("You asked: and where is he now? Assad");
  });

  it("is answered once when Slack delivers it again (a retry) or as a mention too", async () => {
    const fixture = loadSlackFixture("channel-thread-message");
    fixture.body.event.ts = "1733000503.000300";
    fixture.body.event.text = "and why did Russia take him in?";
    const before = postsIn("C0CHAN3", THREAD).length;
    await bot.replay(fixture, { vars: { EVENT_ID: "Ev0FOLLOW1" } });
    await bot.replay(fixture, { vars: { EVENT_ID: "Ev0FOLLOW1" } });
    await settle();
    expect(postsIn("C0CHAN3", THREAD)).toHaveLength(before + 1);

    // A message that mentions the bot arrives as app_mention and as message.channels: one answer.
    const withMention = loadSlackFixture("channel-thread-message");
    withMention.body.event.ts = "1733000504.000400";
    withMention.body.event.text = "<@UBOT> and the bases?";
    await bot.replay(withMention);
    await bot.event({
      ...mention,
      ts: "1733000504.000400",
      thread_ts: THREAD,
      text: "<@UBOT> and the bases?",
    });
    await settle();
    expect(postsIn("C0CHAN3", THREAD)).toHaveLength(before + 2);
  });

  it("from a bot or as an edit gets nothing", async () => {
    const before = postsIn("C0CHAN3", THREAD).length;
    for (const change of [
      { bot_id: "B0OTHER", ts: "1733000505.000500" },
      { subtype: "message_changed", ts: "1733000506.000600" },
    ]) {
      const fixture = loadSlackFixture("channel-thread-message");
      Object.assign(fixture.body.event, change);
      await bot.replay(fixture);
    }
    await settle();
    expect(postsIn("C0CHAN3", THREAD)).toHaveLength(before);
  });

  it("also sent to the channel (thread_broadcast) is answered in the thread like any reply", async () => {
    const before = postsIn("C0CHAN3", THREAD).length;
    const posted = bot.fake.callsTo("chat.postMessage").length;
    const fixture = loadSlackFixture("channel-thread-message");
    Object.assign(fixture.body.event, { subtype: "thread_broadcast", ts: "1733000507.000700" });
    await bot.replay(fixture);
    await bot.fake.waitForCalls("chat.postMessage", posted + 1, 10_000);
    await settle();
    expect(postsIn("C0CHAN3", THREAD)).toHaveLength(before + 1);
  });
});

describe("a follow-up in a group DM thread the bot answered", () => {
  it("is answered in the thread, as in a channel (message.mpim)", async () => {
    const groupThread = "1733000600.000100";
    const posted = bot.fake.callsTo("chat.postMessage").length;
    await bot.event({ ...mention, channel: "G0MPIM1", ts: groupThread });
    await bot.fake.waitForCalls("chat.postMessage", posted + 1, 10_000);
    await settle();
    const fixture = loadSlackFixture("channel-thread-message");
    Object.assign(fixture.body.event, {
      channel: "G0MPIM1",
      channel_type: "mpim",
      thread_ts: groupThread,
      ts: "1733000602.000200",
    });
    await bot.replay(fixture);
    await bot.fake.waitForCalls("chat.postMessage", posted + 2, 10_000);
    await settle();
    expect(postsIn("G0MPIM1", groupThread)).toHaveLength(2);
  });
});

describe("any other channel message", () => {
  it("gets nothing and leaves its text and ids out of the log, at debug level too", async () => {
    const posted = bot.fake.calls.length;
    const logged = bot.logs.length;
    // Outside a thread, in a private channel's thread the bot never answered, in a public one.
    const plain = loadSlackFixture("channel-thread-message");
    delete plain.body.event.thread_ts;
    delete plain.body.event.parent_user_id;
    Object.assign(plain.body.event, { ts: "1733000700.000100", text: "secret plans alpha" });
    const otherThread = loadSlackFixture("channel-thread-message");
    Object.assign(otherThread.body.event, {
      channel: "G0PRIV1",
      channel_type: "group",
      thread_ts: "1733000800.000100",
      ts: "1733000801.000200",
      text: "secret plans beta",
    });
    const publicThread = loadSlackFixture("channel-thread-message");
    Object.assign(publicThread.body.event, {
      thread_ts: "1733000900.000100",
      ts: "1733000901.000200",
      text: "and where is he now? secret plans gamma",
    });
    for (const fixture of [plain, otherThread, publicThread]) {
      expect((await bot.replay(fixture)).response.status).toBe(200);
    }
    await settle();
    expect(bot.fake.calls.length).toBe(posted);
    const lines = bot.logs.slice(logged).join("\n");
    // The log was on at debug level and heard the requests (Bolt's acks), but nothing of them.
    expect(lines).toContain("debug");
    for (const secret of [
      "secret",
      "C0CHAN3",
      "G0PRIV1",
      "1733000800",
      "1733000900",
      "1733000700",
    ]) {
      expect(lines).not.toContain(secret);
    }
  });
});

describe("a follow-up in a DM thread the bot answered", () => {
  it("is read with the thread's earlier question", async () => {
    const dm = { type: "message", channel_type: "im", channel: "D0DM9", user: "U0ASKER1" };
    await bot.event({
      ...dm,
      ts: "1733001000.000200",
      thread_ts: "1733001000.000100",
      text: "who granted Assad asylum?",
    });
    await bot.event({
      ...dm,
      ts: "1733001000.000300",
      thread_ts: "1733001000.000100",
      text: "and where is he now?",
    });
    await settle();
    expect(postsIn("D0DM9", "1733001000.000100")).toHaveLength(2);
    expect(searched).toContain("and where is he now? Assad");
  });
});

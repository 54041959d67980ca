import { describe, expect, it } from "vitest";
import { helpIntro } from "../../src/format/help-text.js";
import { SHARE_ACTION_ID } from "../../src/format/render-answer-blocks.js";
import { replayBot } from "../support/replay-helpers.js";
import { loadSlackFixture } from "../support/slack-payloads.js";

// A third set of requests shaped as Slack sends them (an audit of the SDKs' tests against the first
// two sets): thread broadcasts and other replies in threads the bot answered in, assistant-thread
// extras, membership and grid events, slash commands from DMs, private channels and other
// workspaces, interactions from DMs, legacy dialogs, and fields Slack may add later. Replayed
// signed over HTTP against the real app and a fake Slack; docs/slack-payloads.md names each source.

const { bot, posts, postsTo, settle, expectAnswered, expectAckedUnanswered } = replayBot(
  "D0EDGE",
  1733009800,
);

const fileCalls = () => bot().fake.calls.filter((c) => /^files\./.test(c.name));

/** Opens a channel thread the bot answered in: a mention at `ts`, answered there once. */
async function openThread(channel: string, ts: string): Promise<void> {
  const mention = loadSlackFixture("app-mention");
  Object.assign(mention.body.event, { channel, ts, event_ts: ts });
  await bot().replay(mention);
  await settle();
  expect(postsTo(channel, ts)).toHaveLength(1);
}

describe("replies in a channel thread the bot answered in", () => {
  it("answers a reply also sent to the channel (thread_broadcast) in the thread, once", async () => {
    const thread = "1733000630.000100";
    await openThread("C0CHAN1", thread);
    const broadcast = loadSlackFixture("channel-thread-broadcast");
    Object.assign(broadcast.body.event, {
      thread_ts: thread,
      ts: "1733000630.000200",
      event_ts: "1733000630.000200",
    });
    broadcast.body.event.root.ts = thread;
    broadcast.body.event.root.thread_ts = thread;
    expect((await bot().replay(broadcast)).response.status).toBe(200);
    await settle();
    const replies = postsTo("C0CHAN1", thread);
    expect(replies).toHaveLength(2);
    expectAnswered(replies[1]);
  });

  it("answers a broadcast reply that mentions the bot once, though Slack sends it twice (message and app_mention)", async () => {
    const thread = "1733000631.000100";
    await openThread("C0CHAN1", thread);
    const ts = "1733000631.000200";
    const text = "<@UBOT> and what did the officials say";
    const broadcast = loadSlackFixture("channel-thread-broadcast");
    Object.assign(broadcast.body.event, { thread_ts: thread, ts, event_ts: ts, text });
    const mention = loadSlackFixture("app-mention-in-thread");
    Object.assign(mention.body.event, { thread_ts: thread, ts, event_ts: ts, text });
    await Promise.all([bot().replay(broadcast), bot().replay(mention)]);
    await settle();
    expect(postsTo("C0CHAN1", thread)).toHaveLength(2);
  });

  it("answers a reply with a file from its text, in the thread, and never fetches the file", async () => {
    await openThread("C0CHAN1", "1733000603.000100");
    await bot().replay("channel-thread-file-share");
    await settle();
    const replies = postsTo("C0CHAN1", "1733000603.000100");
    expect(replies).toHaveLength(2);
    expectAnswered(replies[1]);
    expect(fileCalls()).toEqual([]);
  });

  it("answers a reply from a user of another workspace in a shared channel (user_team differs)", async () => {
    await openThread("C0SHARED1", "1733000604.000100");
    const { response } = await bot().replay("channel-thread-external-user");
    expect(response.status).toBe(200);
    await settle();
    const replies = postsTo("C0SHARED1", "1733000604.000100");
    expect(replies).toHaveLength(2);
    expectAnswered(replies[1]);
  });

  it.each([
    ["channel-thread-bot-reply", "1733000605.000100"],
    ["channel-thread-own-reply", "1733000606.000100"],
    ["channel-thread-message-deleted", "1733000602.000100"],
  ])("does not answer %s", async (name, thread) => {
    await openThread("C0CHAN1", thread);
    expect((await bot().replay(name)).response.status).toBe(200);
    await settle();
    expect(postsTo("C0CHAN1", thread)).toHaveLength(1);
  });

  it("does not answer a member leaving the channel", async () => {
    await expectAckedUnanswered("channel-leave");
  });
});

describe("mentions and DMs with more than words", () => {
  it("answers a mention in a thread with a file and a link unfurl in that thread, once, from its text", async () => {
    const { response } = await bot().replay("app-mention-in-thread-with-files");
    expect(response.status).toBe(200);
    await settle();
    const replies = postsTo("C0CHAN1", "1733000607.000100");
    expect(replies).toHaveLength(1);
    expectAnswered(replies[0]);
    expect(fileCalls()).toEqual([]);
  });

  it("answers a mention whose envelope, event and blocks carry fields it does not know", async () => {
    const { response } = await bot().replay("app-mention-unknown-fields");
    expect(response.status).toBe(200);
    await settle();
    const replies = postsTo("C0CHAN1", "1733000608.000100");
    expect(replies).toHaveLength(1);
    expectAnswered(replies[0]);
  });

  it("answers a DM whose question is only in its rich-text blocks (text empty)", async () => {
    const before = postsTo("D0DM1").length;
    await bot().replay("dm-rich-text-words");
    await settle();
    const replies = postsTo("D0DM1").slice(before);
    expect(replies).toHaveLength(1);
    expectAnswered(replies[0]);
  });
});

describe("assistant threads", () => {
  it("does not answer the thread's title being set (a hidden message_changed)", async () => {
    await expectAckedUnanswered("dm-assistant-title-changed");
  });

  it("answers a message that carries an assistant_thread action token in its thread, with the thinking status first", async () => {
    const { response } = await bot().replay("dm-assistant-action-token");
    expect(response.status).toBe(200);
    await settle();
    const replies = postsTo("D0DM3", "1733000611.000100");
    expect(replies).toHaveLength(1);
    expectAnswered(replies[0]);
    const names = bot()
      .fake.calls.filter((c) => c.body.channel_id === "D0DM3" || c.body.channel === "D0DM3")
      .map((c) => c.name);
    expect(names.indexOf("assistant.threads.setStatus")).toBeGreaterThanOrEqual(0);
    expect(names.indexOf("assistant.threads.setStatus")).toBeLessThan(
      names.indexOf("chat.postMessage"),
    );
  });
});

describe("membership, directory and grid events", () => {
  it.each([
    "member-joined-channel",
    "channel-left",
    "grid-migration-started",
    "grid-migration-finished",
    "team-join",
  ])("acks %s and posts nothing (no greeting, no error)", async (name) => {
    await expectAckedUnanswered(name);
    expect(postsTo("C0CHAN4")).toEqual([]);
  });
});

describe("slash commands from everywhere", () => {
  it.each(["command-empty-text", "command-whitespace-text"])(
    "answers %s with the usage text, only to the asker",
    async (name) => {
      const { response, responseId } = await bot().replay(name);
      expect(response.status).toBe(200);
      const [reply] = await bot().fake.waitForCalls(responseId, 1, 10_000);
      expect(reply?.body.response_type).toBe("ephemeral");
      expect(reply?.body.text).toBe(helpIntro(2));
    },
  );

  it.each(["command-in-dm", "command-private-channel", "command-external-user"])(
    "answers %s only to the asker, and posts nothing in the channel",
    async (name) => {
      const before = posts().length;
      const { response, responseId } = await bot().replay(name);
      expect(response.status).toBe(200);
      const [reply] = await bot().fake.waitForCalls(responseId, 1, 10_000);
      expect(reply?.body.response_type).toBe("ephemeral");
      expectAnswered(reply);
      await settle();
      expect(posts()).toHaveLength(before + 1);
      expect(bot().fake.callsTo(responseId)).toHaveLength(1);
    },
  );
});

describe("interactions from DMs and legacy dialogs", () => {
  it("shares an answer from a DM once", async () => {
    const { response, responseId } = await bot().replay("block-actions-share-in-dm", {
      vars: { SHARE_ACTION_ID },
    });
    expect(response.status).toBe(200);
    await settle();
    const calls = bot().fake.callsTo(responseId);
    expect(calls.filter((c) => c.body.response_type === "in_channel")).toHaveLength(1);
  });

  it.each(["block-suggestion-in-dm", "dialog-suggestion"])(
    "answers %s with no options at once",
    async (name) => {
      const { response } = await bot().replay(name);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ options: [] });
    },
  );

  it.each(["message-shortcut-in-dm", "dialog-submission", "dialog-cancellation"])(
    "acks %s with an empty 200 and posts nothing",
    async (name) => {
      const before = posts().length;
      const { response, responseId } = await bot().replay(name);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("");
      await settle();
      expect(posts()).toHaveLength(before + 1);
      expect(bot().fake.callsTo(responseId)).toEqual([]);
    },
  );
});

describe("the whole file", () => {
  it("logged no error and no unhandled request", () => {
    expect(bot().logs.filter((l) => /^error|unhandled/i.test(l))).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { helpIntro } from "../../src/format/help-text.js";
import { SHARE_ACTION_ID } from "../../src/format/render-answer-blocks.js";
import { replayBot } from "../support/replay-helpers.js";
import { FORM, loadSlackFixture } from "../support/slack-payloads.js";

// More requests shaped as Slack sends them (message subtypes, lifecycle events, enterprise and
// shared-channel envelopes, interactions the app does not define), replayed signed over HTTP
// against the real app and a fake Slack. See docs/slack-payloads.md for each fixture's source.

const { bot, postsTo, settle, expectAnswered, expectAckedUnanswered } = replayBot(
  "D0SETTLE",
  1733009500,
);

const unhandled = () => bot().logs.filter((l) => /unhandled|Unhandled|Request failed/.test(l));

describe("message subtypes that are not questions", () => {
  it.each([
    "channel-join",
    "channel-topic",
    "channel-message-replied",
    "group-message",
    "dm-me-message",
    "dm-ekm-access-denied",
  ])("acks %s and does not answer it", async (name) => {
    await expectAckedUnanswered(name);
  });

  it("does not answer an edit in a channel thread it answered in, answers a broadcast reply there, and the next question", async () => {
    const thread = "1733000506.000001";
    const mention = loadSlackFixture("app-mention");
    mention.body.event.ts = thread;
    mention.body.event.event_ts = thread;
    await bot().replay(mention);
    await settle();
    expect(postsTo("C0CHAN1", thread)).toHaveLength(1);

    expect((await bot().replay("channel-thread-message-changed")).response.status).toBe(200);
    await settle();
    expect(postsTo("C0CHAN1", thread)).toHaveLength(1);

    // A reply also sent to the channel is a reply in the thread: answered there, once.
    expect((await bot().replay("channel-thread-broadcast")).response.status).toBe(200);
    await settle();
    expect(postsTo("C0CHAN1", thread)).toHaveLength(2);

    // The thread is live: a new message in it is a follow-up and is answered.
    const followUp = loadSlackFixture("channel-thread-message");
    followUp.body.event.channel = "C0CHAN1";
    followUp.body.event.thread_ts = thread;
    followUp.body.event.ts = "1733000506.000900";
    await bot().replay(followUp);
    await settle();
    expect(postsTo("C0CHAN1", thread)).toHaveLength(3);
  });
});

describe("questions without words", () => {
  it("answers a mention that is only the mention with the usage text, once", async () => {
    await bot().replay("app-mention-only-mention");
    await settle();
    const replies = postsTo("C0CHAN1", "1733000508.000100");
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body.text).toBe(helpIntro(2));
  });

  it("answers a mention with only a file with the usage text, and never fetches the file", async () => {
    await bot().replay("app-mention-files-only");
    await settle();
    const replies = postsTo("C0CHAN1", "1733000509.000100");
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body.text).toBe(helpIntro(2));
    expect(bot().fake.calls.some((c) => /^files\./.test(c.name))).toBe(false);
  });

  it("answers a DM with a file and no words once, with the usage text", async () => {
    const before = postsTo("D0DM1").length;
    await bot().replay("dm-file-share-no-text");
    await settle();
    const replies = postsTo("D0DM1").slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body.text).toBe(helpIntro(2));
    expect(bot().fake.calls.some((c) => /^files\./.test(c.name))).toBe(false);
  });

  it("answers a DM of rich-text blocks and empty text once, with the usage text", async () => {
    const before = postsTo("D0DM1").length;
    const { response } = await bot().replay("dm-rich-text-only");
    expect(response.status).toBe(200);
    await settle();
    const replies = postsTo("D0DM1").slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body.text).toBe(helpIntro(2));
  });
});

describe("envelopes from enterprise grids and shared channels", () => {
  it("answers a mention delivered to an org-wide install (no team in its authorization)", async () => {
    const { response } = await bot().replay("app-mention-org-install");
    expect(response.status).toBe(200);
    await settle();
    const replies = postsTo("C0CHAN2", "1733000522.000100");
    expect(replies).toHaveLength(1);
    expectAnswered(replies[0]);
  });

  it("answers a mention in a shared channel whose delivery names two installations, once", async () => {
    const { response } = await bot().replay("app-mention-two-authorizations");
    expect(response.status).toBe(200);
    await settle();
    const replies = postsTo("C0SHARED1", "1733000517.000100");
    expect(replies).toHaveLength(1);
    expectAnswered(replies[0]);
  });

  it("answers a slash command from an org-wide install only to the asker", async () => {
    const { response, responseId } = await bot().replay("command-enterprise-install");
    expect(response.status).toBe(200);
    const [reply] = await bot().fake.waitForCalls(responseId);
    expect(reply?.body.response_type).toBe("ephemeral");
    expectAnswered(reply);
  });

  it("shares once from a button click sent with a charset in its content type", async () => {
    const { response, responseId } = await bot().replay("block-actions-share-charset", {
      vars: { SHARE_ACTION_ID },
      headers: { "content-type": `${FORM}; charset=utf-8` },
    });
    expect(response.status).toBe(200);
    await settle();
    const calls = bot().fake.callsTo(responseId);
    expect(calls.filter((c) => c.body.response_type === "in_channel")).toHaveLength(1);
  });
});

describe("retries", () => {
  it("answers a retry whose first delivery never reached the app", async () => {
    // Slack retries (X-Slack-Retry-Num) when the first try failed: timed out, or refused (a 503
    // while the app started). Only a delivery already claimed is skipped.
    const fixture = loadSlackFixture("app-mention");
    fixture.body.event.ts = "1733000523.000100";
    fixture.body.event.event_ts = "1733000523.000100";
    const { response } = await bot().replay(fixture, {
      vars: { EVENT_ID: "Ev0FIRSTRETRY" },
      headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_error" },
    });
    expect(response.status).toBe(200);
    await settle();
    expect(postsTo("C0CHAN1", "1733000523.000100")).toHaveLength(1);
  });
});

describe("requests the app defines no listener for", () => {
  it("answers ssl_check with an empty 200", async () => {
    const { response } = await bot().replay("ssl-check");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  // app_uninstalled and tokens_revoked silence the workspace they name, so they are replayed
  // against bots of their own: test/install/uninstall.e2e.test.ts.

  it("acks a block_suggestion for a menu it does not define with no options", async () => {
    const { response } = await bot().replay("block-suggestion-unknown");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ options: [] });
  });

  it.each([
    "block-actions-home-tab-unknown",
    "view-closed-cleared",
    "function-executed-undefined",
    "workflow-step-execute-undefined",
  ])("acks %s with 200 and posts nothing", async (name) => {
    await expectAckedUnanswered(name);
    expect(unhandled()).toEqual([]);
  });
});

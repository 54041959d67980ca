import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { FeedbackLog } from "../../src/feedback/feedback-log.js";
import { hashChannel } from "../../src/feedback/hash-voter.js";
import { latestVotes, readVotes } from "../../src/feedback/read-votes.js";
import { FEEDBACK_ACTION_ID, FEEDBACK_THANKS_TEXT } from "../../src/format/feedback-blocks.js";
import { answererFor } from "../../src/requests/request-answerer.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { createApp } from "../../src/slack/create-app.js";
import type { WorkQueue } from "../../src/slack/work-queue.js";
import { FakeSlack } from "../support/fake-slack.js";
import { FakeSocketMode } from "../support/fake-socket-mode.js";
import { eventCallback } from "../support/slack-payloads.js";

// A follow-up without a mention and a feedback click, with the real app in Socket Mode: envelopes
// arrive over the fake WebSocket, replies go to the fake Web API and response_urls. The setup is
// socket-mode.e2e.test.ts's.

const fake = new FakeSlack();
let socket: FakeSocketMode;
let app: Awaited<ReturnType<typeof createApp>>["app"];
let queue: WorkQueue;
let dir: string;
let file: string;
let sequence = 0;
const searched: string[] = [];
const errors: string[] = [];
const ignore = () => {};
const logger = {
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: (...parts: unknown[]) => errors.push(parts.join(" ")),
  setLevel: ignore,
  getLevel: () => "error" as never,
  setName: ignore,
};

function eventEnvelope(event: Record<string, unknown>) {
  sequence += 1;
  return {
    envelope_id: `env-${sequence}`,
    type: "events_api",
    accepts_response_payload: false,
    retry_attempt: 0,
    retry_reason: "",
    payload: eventCallback(event, `EvFollowSocket${sequence}`),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "follow-up-socket-"));
  file = join(dir, "feedback.jsonl");
  await fake.start();
  socket = new FakeSocketMode(fake.httpServer);
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-follow-up-socket",
    SLACK_APP_TOKEN: "xapp-1-A1-1-follow-up-socket",
    SLACK_API_URL: fake.apiUrl,
  });
  const index = await buildIndexFromCorpus("test/fixtures/corpus");
  const answer = answererFor(index, { cacheSize: 0 });
  ({ app, queue } = createApp({
    config,
    passageCount: () => index.passages.length,
    ask: (request, commandName) => {
      if (request.kind === "question") searched.push(request.question);
      return answer(request, commandName);
    },
    feedback: new FeedbackLog({ file, secret: "socket-feedback-secret" }),
    logger,
  }));
  await app.init();
  await app.start();
  await socket.waitForConnection();
});

afterAll(async () => {
  expect(errors).toEqual([]);
  await app.stop();
  await queue.idle();
  socket.close();
  await fake.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("the bot in Socket Mode", () => {
  // biome-ignore lint/suspicious/noExplicitAny: blocks are Slack's JSON as the fake recorded it
  let followUp: any;

  it("answers a follow-up in a thread it answered, without a mention, with the earlier subject", async () => {
    const mention = eventEnvelope({
      type: "app_mention",
      user: "U1",
      channel: "C7",
      ts: "700.1",
      text: "<@UBOT> who granted Assad asylum?",
    });
    socket.send(mention);
    await socket.waitForAck(mention.envelope_id);
    await fake.waitForCalls("chat.postMessage", 1, 10_000);
    await queue.idle();

    const message = eventEnvelope({
      type: "message",
      channel_type: "channel",
      channel: "C7",
      user: "U2",
      ts: "700.2",
      thread_ts: "700.1",
      text: "and where is he now?",
    });
    socket.send(message);
    await socket.waitForAck(message.envelope_id);
    const replies = await fake.waitForCalls("chat.postMessage", 2, 10_000);
    followUp = replies[1]?.body;
    expect(followUp?.channel).toBe("C7");
    expect(followUp?.thread_ts).toBe("700.1");
    expect(searched.at(-1)).toBe("and where is he now? Assad");
  });

  it("acks a feedback click, thanks the voter and records the vote", async () => {
    const buttons = followUp.blocks.at(-1).elements[0];
    const envelope = {
      envelope_id: "click-1",
      type: "interactive",
      accepts_response_payload: false,
      payload: {
        type: "block_actions",
        user: { id: "U2" },
        team: { id: "T1" },
        api_app_id: "A1",
        trigger_id: "trigger",
        channel: { id: "C7" },
        container: { type: "message", message_ts: "700.3", channel_id: "C7", is_ephemeral: false },
        message: { type: "message", ts: "700.3", thread_ts: "700.1", text: "answer" },
        response_url: fake.responseUrl("socket-feedback-1"),
        actions: [
          {
            type: "feedback_buttons",
            action_id: FEEDBACK_ACTION_ID,
            block_id: "feedback_x",
            value: buttons.negative_button.value,
            action_ts: "1",
          },
        ],
      },
    };
    socket.send(envelope);
    await socket.waitForAck("click-1");
    const [thanks] = await fake.waitForCalls("socket-feedback-1", 1, 10_000);
    expect(thanks?.body.text).toBe(FEEDBACK_THANKS_TEXT);
    await queue.idle();
    const votes = latestVotes((await readVotes(file)).votes);
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({
      channel: hashChannel("C7", "socket-feedback-secret"),
      messageTs: "700.3",
      vote: "down",
    });
    expect(votes[0]?.question).toBe("and where is he now? Assad");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { answererFor } from "../../src/requests/request-answerer.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { createApp } from "../../src/slack/create-app.js";
import { envelopeRefusal } from "../../src/slack/transport/socket-envelope-guard.js";
import type { WorkQueue } from "../../src/slack/work-queue.js";
import { FakeSlack } from "../support/fake-slack.js";
import { FakeSocketMode } from "../support/fake-socket-mode.js";
import { recordingLogger } from "../support/recording-logger.js";
import { eventCallback } from "../support/slack-payloads.js";

// Issue 20, finding 9: in Socket Mode, an envelope with `payload.event: null` or `payload: null`
// killed the process (an unhandled rejection in the Socket Mode client). Each is now acked, logged
// as a warning, and the bot keeps answering.

const fake = new FakeSlack();
let socket: FakeSocketMode;
let app: Awaited<ReturnType<typeof createApp>>["app"];
let queue: WorkQueue;
const { logger, logs } = recordingLogger();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

/** Sends raw text over the fake socket, for envelopes that are not even objects. */
const sendRaw = (text: string) =>
  (socket as unknown as { socket: { send: (t: string) => void } }).socket.send(text);

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  await fake.start();
  socket = new FakeSocketMode(fake.httpServer);
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-socket-malformed",
    SLACK_APP_TOKEN: "xapp-1-A1-1-socket-malformed",
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "info",
  });
  const index = await buildIndexFromCorpus("test/fixtures/corpus");
  ({ app, queue } = createApp({
    config,
    passageCount: () => index.passages.length,
    ask: answererFor(index),
    logger,
  }));
  await app.init();
  await app.start();
  await socket.waitForConnection();
});

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await app.stop();
  await queue.idle();
  socket.close();
  await fake.stop();
});

describe("malformed Socket Mode envelopes", () => {
  it("are acked and logged, and the bot keeps answering", async () => {
    const envelopes: Record<string, unknown>[] = [
      {
        envelope_id: "m-1",
        type: "events_api",
        payload: { ...eventCallback({}, "Ev1"), event: null },
      },
      { envelope_id: "m-2", type: "events_api", payload: null },
      { envelope_id: "m-3", type: "events_api" },
      { envelope_id: "m-4", type: "events_api", payload: { type: "event_callback" } },
      { envelope_id: "m-5", type: "slash_commands", payload: null },
      {
        envelope_id: "m-6",
        type: "interactive",
        payload: { type: "block_actions", actions: [{ action_id: "x" }] },
      },
      {
        envelope_id: "m-7",
        type: "events_api",
        payload: eventCallback({ type: "message", channel: null, text: "x" }, "Ev7"),
      },
    ];
    for (const envelope of envelopes) socket.send(envelope);
    sendRaw("null");
    sendRaw("[]");
    for (const envelope of envelopes) await socket.waitForAck(envelope.envelope_id as string);
    socket.send({
      envelope_id: "good",
      type: "events_api",
      payload: eventCallback(
        { type: "app_mention", user: "U1", channel: "C9", ts: "600.1", text: "<@UBOT> Hmeimim" },
        "EvGood",
      ),
    });
    await socket.waitForAck("good");
    const [reply] = await fake.waitForCalls("chat.postMessage");
    expect(reply?.body.thread_ts).toBe("600.1");
    expect(unhandled).toEqual([]);
    const warnings = logs.filter((line) => line.includes("malformed envelope acked and dropped"));
    expect(warnings).toHaveLength(envelopes.length + 2);
    expect(logs.filter((line) => line.startsWith("error "))).toEqual([]);
  });
});

describe("envelopeRefusal", () => {
  it("lets through what Slack sends and control messages", () => {
    expect(envelopeRefusal('{"type":"hello"}')).toBeNull();
    expect(envelopeRefusal('{"type":"disconnect","reason":"refresh"}')).toBeNull();
    expect(envelopeRefusal("not json")).toBeNull();
    const good = {
      envelope_id: "e",
      type: "events_api",
      payload: eventCallback({ type: "app_mention" }, "Ev"),
    };
    expect(envelopeRefusal(JSON.stringify(good))).toBeNull();
  });

  it("names what is wrong and the envelope to ack", () => {
    expect(
      envelopeRefusal('{"envelope_id":"e","type":"events_api","payload":{"event":null}}'),
    ).toEqual({
      reason: "Slack request: event is not an object",
      envelopeId: "e",
    });
    expect(envelopeRefusal("null")).toEqual({
      reason: "the envelope is not an object",
      envelopeId: null,
    });
  });
});

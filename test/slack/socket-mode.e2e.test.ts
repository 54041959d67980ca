import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { answererFor } from "../../src/requests/request-answerer.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { createApp } from "../../src/slack/create-app.js";
import type { WorkQueue } from "../../src/slack/work-queue.js";
import { FakeSlack } from "../support/fake-slack.js";
import { FakeSocketMode } from "../support/fake-socket-mode.js";
import { eventCallback } from "../support/slack-payloads.js";

// The real app in Socket Mode: it opens its connection through the fake Web API, and Slack's
// envelopes arrive over the fake WebSocket.

const fake = new FakeSlack();
let socket: FakeSocketMode;
let app: Awaited<ReturnType<typeof createApp>>["app"];
let queue: WorkQueue;
let sequence = 0;
const BOT_TOKEN = "xoxb-socket-test";
const APP_TOKEN = "xapp-1-A1-1-socket-test";
const errors: string[] = [];
const logs: string[] = [];
const record = (...parts: unknown[]) => logs.push(parts.map((p) => JSON.stringify(p)).join(" "));
const logger = {
  debug: record,
  info: record,
  warn: record,
  error: (...parts: unknown[]) => {
    record(...parts);
    errors.push(parts.join(" "));
  },
  setLevel: () => {},
  getLevel: () => "error" as never,
  setName: () => {},
};

const allText = (body: { text?: string; blocks?: unknown }) =>
  `${body.text ?? ""} ${JSON.stringify(body.blocks ?? [])}`;

function eventEnvelope(event: Record<string, unknown>, eventId: string, retryAttempt = 0) {
  sequence += 1;
  return {
    envelope_id: `env-${sequence}`,
    type: "events_api",
    accepts_response_payload: false,
    retry_attempt: retryAttempt,
    retry_reason: retryAttempt > 0 ? "timeout" : "",
    payload: eventCallback(event, eventId),
  };
}

beforeAll(async () => {
  await fake.start();
  socket = new FakeSocketMode(fake.httpServer);
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "debug",
  });
  expect(config.mode).toBe("socket");
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
  expect(errors).toEqual([]); // nothing went wrong while serving; closing may log the socket's end
  await app.stop();
  await queue.idle();
  socket.close();
  await fake.stop();
});

describe("the bot in Socket Mode", () => {
  it("opened its connection with the app token", () => {
    const open = fake.callsTo("apps.connections.open");
    expect(open).toHaveLength(1);
    expect(open[0]?.authorization).toBe(`Bearer ${APP_TOKEN}`);
  });

  it("acks a slash command over the socket and answers it at its response_url", async () => {
    socket.send({
      envelope_id: "cmd-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        token: "legacy",
        team_id: "T1",
        channel_id: "C1",
        user_id: "U1",
        command: "/syria",
        text: "who granted asylum",
        response_url: fake.responseUrl("socket-cmd-1"),
        trigger_id: "trigger",
        api_app_id: "A1",
      },
    });
    await socket.waitForAck("cmd-1");
    const [reply] = await fake.waitForCalls("socket-cmd-1");
    expect(reply?.body.response_type).toBe("ephemeral");
    expect(allText(reply?.body)).toMatch(/Putin/);
  });

  it("answers a mention in its thread once, though Slack delivers it again with retry_attempt", async () => {
    const before = fake.callsTo("chat.postMessage").length;
    const event = {
      type: "app_mention",
      user: "U1",
      channel: "C9",
      ts: "500.1",
      text: "<@UBOT> why humanitarian grounds",
    };
    const first = eventEnvelope(event, "EvSocket1");
    const retry = eventEnvelope(event, "EvSocket1", 1);
    socket.send(first);
    socket.send(retry);
    await socket.waitForAck(first.envelope_id);
    await socket.waitForAck(retry.envelope_id);
    const [reply] = (await fake.waitForCalls("chat.postMessage", before + 1)).slice(before);
    expect(reply?.body.thread_ts).toBe("500.1");
    expect(allText(reply?.body)).toMatch(/humanitarian/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.callsTo("chat.postMessage")).toHaveLength(before + 1);
  });

  it("answers a direct message in the DM and ignores a bot's", async () => {
    const before = fake.callsTo("chat.postMessage").length;
    const dm = { type: "message", channel_type: "im", channel: "D1", user: "U1" };
    socket.send(eventEnvelope({ ...dm, ts: "600.1", text: "bot says hi", bot_id: "B2" }, "EvS2"));
    socket.send(eventEnvelope({ ...dm, ts: "600.2", text: "Tartus naval facility" }, "EvS3"));
    const [reply] = (await fake.waitForCalls("chat.postMessage", before + 1)).slice(before);
    expect(reply?.body.channel).toBe("D1");
    expect(allText(reply?.body)).toMatch(/Tartus/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.callsTo("chat.postMessage")).toHaveLength(before + 1);
  });

  it("logs at debug level without the bot token or the app token", () => {
    expect(logs.length).toBeGreaterThan(10);
    const leaks = logs.filter((line) => line.includes(BOT_TOKEN) || line.includes(APP_TOKEN));
    expect(leaks).toEqual([]);
  });

  it("reconnects at once when its socket drops", async () => {
    const before = socket.connections;
    const dropped = Date.now();
    socket.drop();
    await socket.waitForConnections(before + 1, 10_000);
    // The client logs the dropped socket as an error: expected here, and only here.
    for (let i = errors.length - 1; i >= 0; i--)
      if (/WebSocket error/.test(errors[i] ?? "")) errors.splice(i, 1);
    logs.push(`reconnected in ${Date.now() - dropped} ms`);
    const id = `env-reconnected-${before}`;
    socket.send({
      ...eventEnvelope(
        { type: "app_mention", user: "U1", channel: "C1", ts: "7.7", text: "<@UBOT> Hmeimim" },
        "EvRe1",
      ),
      envelope_id: id,
    });
    await socket.waitForAck(id, 5_000);
  });
});

describe("Socket Mode with a token revoked while running", () => {
  it("exits 78 (EX_CONFIG) with one line naming the token, no unhandled rejection", async () => {
    const slack = await new FakeSlack().start();
    const sockets = new FakeSocketMode(slack.httpServer);
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...process.env,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: APP_TOKEN,
        SLACK_SIGNING_SECRET: "",
        SLACK_API_URL: slack.apiUrl,
        CORPUS_DIR: "test/fixtures/corpus",
        INDEX_FILE: "/nonexistent/index.ndjson",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    try {
      const deadline = Date.now() + 60_000;
      while (!/Ready in Socket Mode/.test(stdout + stderr)) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`bot did not start:\n${stdout}${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      slack.fail("apps.connections.open", {
        status: 200,
        body: { ok: false, error: "invalid_auth" },
      });
      const revoked = Date.now();
      sockets.drop();
      const [code] = await once(child, "exit");
      logs.push(`exited ${Date.now() - revoked} ms after the revoked reconnect`);
      expect(code).toBe(78); // EX_CONFIG: a restart cannot help
      const lastLine = stderr.trim().split("\n").at(-1);
      expect(lastLine).toMatch(/^Slack refused SLACK_APP_TOKEN \(invalid_auth\)/);
      expect(stderr).not.toMatch(/Unhandled|\n\s+at /);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      sockets.close();
      await slack.stop();
    }
  }, 90_000);
});

import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FeedbackLog } from "../../src/feedback/feedback-log.js";
import { readVotes } from "../../src/feedback/read-votes.js";
import { SlackHttpReceiver } from "../../src/slack/transport/http-receiver.js";
import { RedisStore } from "../../src/state/redis-store.js";
import { BotHarness, SIGNING_SECRET } from "../support/bot-harness.js";
import { RedisServer, skipWithoutRedis } from "../support/redis-server.js";
import {
  encodeSlackFixture,
  FORM,
  loadSlackFixture,
  signedHeaders,
  slashCommandForm,
} from "../support/slack-payloads.js";

// Issue 20, findings 3, 4, 10 and 11: what a stranger can do to the HTTP transport, tried with real
// sockets against the real receiver on 127.0.0.1.

/** Opens a raw connection and sends `head` (request line and headers, whole or in part). */
async function rawClient(port: number, head: string): Promise<Socket> {
  const socket = connect(port, "127.0.0.1");
  socket.on("error", () => {});
  await once(socket, "connect");
  socket.write(head);
  return socket;
}

/** What the server answered on a raw connection (its status), or null if it closed without one. */
function statusOf(socket: Socket): Promise<number | null> {
  return new Promise((resolve) => {
    let received = "";
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (status) resolve(Number(status[1]));
    });
    socket.on("close", () => resolve(null));
  });
}

function within<T>(ms: number, promise: Promise<T>): Promise<T | "timed out"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timed out">((resolve) => {
    timer = setTimeout(() => resolve("timed out"), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const now = () => Math.floor(Date.now() / 1000);

describe("slow clients (slowloris) against the connection cap (finding 3)", () => {
  let bot: BotHarness | undefined;
  const slow: Socket[] = [];
  afterEach(async () => {
    for (const socket of slow.splice(0)) socket.destroy();
    await bot?.stop();
    bot = undefined;
  });

  it("lets signed slash commands and /health through while 2 × the cap of slow clients hold connections", async () => {
    bot = await new BotHarness().start({ MAX_CONNECTIONS: "24" });
    const port = Number(new URL(bot.base).port);
    for (let i = 0; i < 48; i++)
      slow.push(await rawClient(port, "POST /slack/events HTTP/1.1\r\nHost: x\r\n")); // never the rest
    const health = await fetch(`${bot.base}/health`);
    expect(health.status).toBe(200);
    const commands = await Promise.all(
      Array.from(
        { length: 12 },
        (_, i) => bot?.command(`Hmeimim ${i}`) as ReturnType<BotHarness["command"]>,
      ),
    );
    expect(commands.map((c) => c.response.status)).toEqual(commands.map(() => 200));
    for (const { responseId } of commands)
      expect(await bot.fake.waitForCalls(responseId)).toHaveLength(1);
    expect(bot.receiver.stats().shed).toBeGreaterThanOrEqual(24);
    expect(bot.receiver.stats().open).toBeLessThanOrEqual(25);
    expect(bot.logs.some((line) => /the slowest unverified ones are cut/.test(line))).toBe(true);
  });
});

describe("bodies of strangers (finding 4)", () => {
  let receiver: SlackHttpReceiver | undefined;
  afterEach(async () => {
    await receiver?.stop();
    receiver = undefined;
  });

  const start = async (
    limits: ConstructorParameters<typeof SlackHttpReceiver>[0]["limits"] = {},
  ) => {
    receiver = new SlackHttpReceiver({
      signingSecret: SIGNING_SECRET,
      readiness: () => ({ passages: 1 }),
      limits,
    });
    return receiver.start(0, "127.0.0.1");
  };

  it("refuses a 4 MB post without a valid signature header before reading a byte of its body", async () => {
    const port = await start();
    const heads = [
      "", // no signature, no timestamp
      `x-slack-request-timestamp: ${now() - 3600}\r\nx-slack-signature: v0=${"a".repeat(64)}\r\n`,
      `x-slack-request-timestamp: ${now()}\r\nx-slack-signature: v0=${"A".repeat(64)}\r\n`,
    ];
    for (const extra of heads) {
      const socket = await rawClient(
        port,
        `POST /slack/events HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: ${4 * 1024 * 1024}\r\n${extra}\r\n`,
      );
      // The body is never sent: the answer must not wait for it.
      expect(await within(2_000, statusOf(socket))).toBe(401);
      socket.destroy();
    }
  });

  it("answers 413 to a chunked body past the limit as it streams, before it is all sent", async () => {
    const port = await start();
    const socket = await rawClient(
      port,
      `POST /slack/events HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nx-slack-request-timestamp: ${now()}\r\nx-slack-signature: v0=${"0".repeat(64)}\r\n\r\n`,
    );
    const status = statusOf(socket);
    let answered = false;
    void status.then(() => {
      answered = true;
    });
    const chunk = Buffer.alloc(512 * 1024, "a");
    let sent = 0;
    while (sent < 8 * 1024 * 1024 && !answered && !socket.destroyed) {
      socket.write(`${chunk.length.toString(16)}\r\n`);
      socket.write(chunk);
      socket.write("\r\n");
      sent += chunk.length;
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    expect([413, 503, null]).toContain(await within(5_000, status));
    expect(sent).toBeLessThan(8 * 1024 * 1024);
    socket.destroy();
  });

  it("holds no more than its budget of forged 4 MB bodies, and answers before they are all sent", async () => {
    const allowance = 64 * 1024;
    const shared = 1024 * 1024;
    const port = await start({
      unverifiedAllowanceBytes: allowance,
      unverifiedSharedBytes: shared,
    });
    const total = 4 * 1024 * 1024;
    const chunk = Buffer.alloc(256 * 1024, "a");
    // Well-formed headers with a signature that is not Slack's: only the body's HMAC can tell.
    const head = `POST /slack/events HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: ${total}\r\nx-slack-request-timestamp: ${now()}\r\nx-slack-signature: v0=${"0".repeat(64)}\r\n\r\n`;
    const results = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const socket = await rawClient(port, head);
        const status = statusOf(socket);
        let answered = false;
        void status.then(() => {
          answered = true;
        });
        let sent = 0;
        while (sent < total && !answered && !socket.destroyed) {
          socket.write(chunk);
          sent += chunk.length;
          await new Promise((resolve) => setTimeout(resolve, 15));
        }
        const result = { status: await within(5_000, status), sent };
        socket.destroy();
        return result;
      }),
    );
    // Each is cut once it draws more than the budget has left, long before its 4 MB are sent: 503,
    // or a reset that came before the client read the 503.
    for (const r of results) {
      expect([503, null]).toContain(r.status);
      expect(r.sent).toBeLessThanOrEqual(total / 2);
    }
    expect(results.some((r) => r.status === 503)).toBe(true);
    expect(receiver?.stats().peakUnverifiedBytes).toBeLessThanOrEqual(shared);
    // And Slack still gets through.
    const body = JSON.stringify({ type: "url_verification", challenge: "still-here" });
    const ok = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: "POST",
      headers: signedHeaders(SIGNING_SECRET, body, "application/json"),
      body,
    });
    expect(await ok.json()).toEqual({ challenge: "still-here" });
  });
});

describe("signature headers (finding 11)", () => {
  let bot: BotHarness | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it("refuses two signature headers (good then bad) and a good one with hex appended", async () => {
    bot = await new BotHarness().start();
    const form = slashCommandForm("Hmeimim", bot.fake.responseUrl("two"));
    const signed = signedHeaders(SIGNING_SECRET, form, FORM);
    const good = signed["x-slack-signature"] as string;
    for (const extra of [
      [good, `v0=${"0".repeat(64)}`],
      [`${good}a`],
      [`${good}zz`],
      [good.toUpperCase()],
    ]) {
      const headers = new Headers({
        "content-type": FORM,
        "x-slack-request-timestamp": signed["x-slack-request-timestamp"] as string,
      });
      for (const value of extra) headers.append("x-slack-signature", value);
      const response = await fetch(`${bot.base}/slack/events`, {
        method: "POST",
        headers,
        body: form,
      });
      expect([extra, response.status]).toEqual([extra, 401]);
    }
    expect(bot.fake.calls.filter((c) => c.path.includes("two"))).toHaveLength(0);
  });
});

describe("replayed signed requests (finding 10)", () => {
  let bot: BotHarness | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it("answers a slash command sent 5 times with one signature once, and acks every copy", async () => {
    bot = await new BotHarness().start();
    const form = slashCommandForm("Hmeimim", bot.fake.responseUrl("replayed"));
    const headers = signedHeaders(SIGNING_SECRET, form, FORM);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${bot.base}/slack/events`, {
        method: "POST",
        headers,
        body: form,
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    await bot.fake.waitForCalls("replayed");
    await bot.queue.idle();
    expect(bot.fake.calls.filter((c) => c.path.includes("replayed"))).toHaveLength(1);
    expect(bot.logs.filter((line) => /sent again \(a replay\)/.test(line))).toHaveLength(4);
    // The same command signed again (a new request, as Slack would send it) is answered.
    const again = await bot.command("Hmeimim", { responseId: "fresh", timestamp: now() - 1 });
    expect(again.response.status).toBe(200);
    expect(await bot.fake.waitForCalls("fresh")).toHaveLength(1);
  });
});

describe("signed but malformed interactions (finding 13)", () => {
  let bot: BotHarness | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it("answers 400, and logs no 'not acknowledged' error 3 s later", async () => {
    bot = await new BotHarness().start();
    const payloads = [
      { type: "block_actions", actions: [{ action_id: "x", type: "button" }], team: { id: "T1" } },
      { type: "view_submission" },
      { type: "shortcut" },
      { type: "message_action" },
      { type: "block_suggestion" },
    ];
    for (const payload of payloads) {
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      const response = await bot.post(body, FORM);
      expect([payload.type, response.status]).toEqual([payload.type, 400]);
    }
    const bare = await bot.post(new URLSearchParams({ command: "/syria" }).toString(), FORM);
    expect(bare.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 3_200));
    expect(bot.logs.filter((line) => /^error /.test(line))).toEqual([]);
  });
});

describe("a replayed vote (finding 10)", () => {
  let bot: BotHarness | undefined;
  let dir = "";
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it("writes one line for a signed click sent 3 times", async () => {
    dir = await mkdtemp(join(tmpdir(), "replayed-vote-"));
    const file = join(dir, "feedback.jsonl");
    bot = await new BotHarness().start({}, undefined, {
      feedback: new FeedbackLog({ file, secret: "test-feedback-secret" }),
    });
    await bot.event({
      type: "app_mention",
      user: "U0ASKER1",
      channel: "C0CHAN3",
      ts: "1733000500.000100",
      text: "<@UBOT> who granted asylum?",
    });
    const [answer] = await bot.fake.waitForCalls("chat.postMessage", 1, 10_000);
    // biome-ignore lint/suspicious/noExplicitAny: blocks are Slack's JSON as the fake recorded it
    const buttons = (answer?.body.blocks as any[] | undefined)?.at(-1).elements[0];
    const { body, contentType } = encodeSlackFixture(loadSlackFixture("block-actions-feedback"), {
      FEEDBACK_VALUE: buttons.positive_button.value,
      RESPONSE_URL: bot.fake.responseUrl("vote"),
    });
    const headers = signedHeaders(SIGNING_SECRET, body, contentType);
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${bot.base}/slack/events`, { method: "POST", headers, body });
      expect(response.status).toBe(200);
    }
    await bot.fake.waitForCalls("vote", 1, 10_000);
    await bot.queue.idle();
    expect((await readVotes(file)).votes).toHaveLength(1);
    expect(bot.fake.callsTo("vote")).toHaveLength(1);
  });
});

describe.skipIf(skipWithoutRedis)("replayed signed requests across replicas (finding 10)", () => {
  const bots: BotHarness[] = [];
  const stores: RedisStore[] = [];
  let redis: RedisServer | undefined;
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.stop();
    for (const store of stores.splice(0)) await store.close();
    await redis?.stop();
    redis = undefined;
  });

  it("answers a slash command replayed to each of two bots sharing one Redis once", async () => {
    redis = await RedisServer.start();
    const url = redis.url;
    for (let i = 0; i < 2; i++) {
      const state = new RedisStore({ url });
      stores.push(state);
      await state.connect();
      bots.push(await new BotHarness().start({}, undefined, { state }));
    }
    const [a, b] = bots as [BotHarness, BotHarness];
    const form = slashCommandForm("Hmeimim", a.fake.responseUrl("across"));
    const headers = signedHeaders(SIGNING_SECRET, form, FORM);
    for (const bot of [a, b, a, b]) {
      const response = await fetch(`${bot.base}/slack/events`, {
        method: "POST",
        headers,
        body: form,
      });
      expect(response.status).toBe(200);
    }
    await a.fake.waitForCalls("across");
    await Promise.all([a.queue.idle(), b.queue.idle()]);
    expect(a.fake.calls.filter((c) => c.path.includes("across"))).toHaveLength(1);
  });
});

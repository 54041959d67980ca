import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../support/fake-slack.js";
import { freePort } from "../support/free-port.js";
import { eventCallback, FORM, signedHeaders, slashCommandForm } from "../support/slack-payloads.js";

// The bot as an operator runs it: `src/main.ts` in its own process, configured by environment,
// at debug level, stopped with SIGTERM.

const TOKEN = "xoxb-secret-token-do-not-log-7f3a9c";
const SECRET = "signing-secret-do-not-log-5b1e2d";

let fake: FakeSlack;
let child: ChildProcess;
let output = "";
let base = "";

beforeAll(async () => {
  fake = await new FakeSlack().start();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: "",
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      CORPUS_DIR: "test/fixtures/corpus",
      INDEX_FILE: "/nonexistent/index.ndjson",
      LOG_LEVEL: "debug",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 15_000;
  while (!/Ready in HTTP mode/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`bot did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}, 30_000); // longer than the 15 s it waits for "Ready": a busy machine starts the bot slowly

afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  await fake.stop();
});

async function command(text: string, responseId: string): Promise<Response> {
  const body = slashCommandForm(text, fake.responseUrl(responseId));
  return fetch(`${base}/slack/events`, {
    method: "POST",
    headers: signedHeaders(SECRET, body, FORM),
    body,
  });
}

describe("the bot process", () => {
  it("reports health with the corpus size, and answers a mention (through one failed API call)", async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", passages: expect.any(Number) });
    fake.fail("chat.postMessage", { status: 200, body: { ok: false, error: "not_in_channel" } });
    const mention = {
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "9.9",
      text: "<@UBOT> Tartus",
    };
    const body = JSON.stringify(eventCallback(mention, "EvMain1"));
    const ack = await fetch(`${base}/slack/events`, {
      method: "POST",
      headers: signedHeaders(SECRET, body, "application/json"),
      body,
    });
    expect(ack.status).toBe(200);
    const calls = await fake.waitForCalls("chat.postMessage", 2);
    expect(calls[1]?.body.thread_ts).toBe("9.9");
  });

  it("on SIGTERM finishes the answer in flight, refuses new requests, and exits 0", async () => {
    fake.fail("in-flight", { status: 200, delayMs: 800, body: { ok: true } });
    const ack = await command("who granted asylum", "in-flight");
    expect(ack.status).toBe(200);
    child.kill("SIGTERM");
    // Wait until the bot has taken the signal, however busy the machine is.
    while (!/SIGTERM: finishing requests in flight/.test(output))
      await new Promise((r) => setTimeout(r, 20));
    const late = await command("Hmeimim", "too-late").then(
      (r) => r.status,
      () => "refused",
    );
    expect([503, "refused"]).toContain(late);
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    const delivered = fake.callsTo("in-flight");
    expect(delivered).toHaveLength(1);
    expect(JSON.stringify(delivered[0]?.body)).toMatch(/Putin/);
    expect(fake.callsTo("too-late")).toHaveLength(0);
    expect(output).toMatch(/SIGTERM: finishing requests in flight/);
    expect(output).toMatch(/Stopped/);
  });

  it("never logs the bot token or the signing secret, even at debug level", () => {
    expect(output.length).toBeGreaterThan(0);
    expect(output).toMatch(/\[DEBUG\]/);
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(TOKEN.slice(5));
    expect(output).not.toContain(SECRET);
  });
});

/** Starts the bot as a process of its own (`command` and `args`), and waits for `ready` in its output. */
async function startBot(
  env: Record<string, string>,
  ready: RegExp,
  command: [string, ...string[]] = [process.execPath, "--import", "tsx", "src/main.ts"],
) {
  const port = await freePort();
  const [file, ...args] = command;
  const proc = spawn(file, args, {
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: "",
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      CORPUS_DIR: "test/fixtures/corpus",
      INDEX_FILE: "/nonexistent/index.ndjson",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const bot = { proc, port, base: `http://127.0.0.1:${port}`, output: "" };
  proc.stdout?.on("data", (chunk: Buffer) => {
    bot.output += chunk.toString();
  });
  proc.stderr?.on("data", (chunk: Buffer) => {
    bot.output += chunk.toString();
  });
  const deadline = Date.now() + 90_000;
  while (!ready.test(bot.output)) {
    if (Date.now() > deadline || proc.exitCode !== null)
      throw new Error(`bot did not start:\n${bot.output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return bot;
}

/** Whether anything accepts connections on the port. */
async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

describe("stopping with calls that hang", () => {
  beforeAll(async () => {
    if (!fake) fake = await new FakeSlack().start();
  });

  /** A bot with these settings whose reply to one command hangs at the fake Slack, in flight. */
  async function botWithHangingReply(env: Record<string, string>, responseId: string) {
    const bot = await startBot(env, /Ready in HTTP mode/);
    fake.fail(responseId, { status: 0, hang: true });
    const body = slashCommandForm("Hmeimim", fake.responseUrl(responseId));
    await fetch(`${bot.base}/slack/events`, {
      method: "POST",
      headers: signedHeaders(SECRET, body, FORM),
      body,
    });
    await fake.waitForCalls(responseId);
    return bot;
  }

  it("exits within SHUTDOWN_TIMEOUT_MS though a reply hangs, saying so", async () => {
    const bot = await botWithHangingReply(
      { SHUTDOWN_TIMEOUT_MS: "1500", SLACK_CALL_TIMEOUT_MS: "60000", JOB_DEADLINE_MS: "60000" },
      "hangs-1",
    );
    bot.proc.kill("SIGTERM");
    const [code] = await once(bot.proc, "exit");
    expect(code).toBe(1);
    expect(bot.output).toMatch(/work still in flight after 1500 ms/);
    expect(await listening(bot.port)).toBe(false);
  }, 30_000);

  it("exits at once on a second SIGTERM", async () => {
    const bot = await botWithHangingReply(
      { SHUTDOWN_TIMEOUT_MS: "120000", SLACK_CALL_TIMEOUT_MS: "120000", JOB_DEADLINE_MS: "120000" },
      "hangs-2",
    );
    bot.proc.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    bot.proc.kill("SIGTERM");
    const [code] = await once(bot.proc, "exit");
    expect(code).toBe(1);
    expect(bot.output).toMatch(/SIGTERM again: exiting now/);
  }, 30_000);
});

describe("npm start", () => {
  it("builds, listens where HOST says, and leaves nothing listening after SIGTERM", async () => {
    const bot = await startBot({ HOST: "127.0.0.1" }, /Ready in HTTP mode/, ["npm", "start"]);
    expect(bot.output).toMatch(/Listening on 127\.0\.0\.1:/);
    expect((await fetch(`${bot.base}/health`)).status).toBe(200);
    bot.proc.kill("SIGTERM");
    await once(bot.proc, "exit");
    // npm passes the signal on; the node process must be gone, not orphaned and still listening.
    await new Promise((r) => setTimeout(r, 500));
    expect(await listening(bot.port)).toBe(false);
  }, 120_000);
});

describe("npm run dev", () => {
  it("leaves nothing listening after SIGTERM: tsx watch and the bot it forks both stop", async () => {
    const bot = await startBot({ HOST: "127.0.0.1" }, /Ready in HTTP mode/, ["npm", "run", "dev"]);
    expect((await fetch(`${bot.base}/health`)).status).toBe(200);
    bot.proc.kill("SIGTERM");
    await once(bot.proc, "exit");
    // `exec` makes tsx watch npm's child, so the signal reaches it and it stops the bot it forked.
    const deadline = Date.now() + 15_000;
    while ((await listening(bot.port)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(await listening(bot.port)).toBe(false);
  }, 120_000);
});

import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
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
});

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
    await new Promise((r) => setTimeout(r, 100));
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

import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "./support/fake-slack.js";
import { freePort } from "./support/free-port.js";

// The bot as a newcomer first starts it, with one thing wrong each time: the line it prints says
// what to do, and the exit code says whether a restart can help (docs/operations.md).

const MAIN = resolve("src/main.ts");
const TSX = pathToFileURL(resolve("node_modules/tsx/dist/loader.mjs")).href;

/** The environment without any Slack setting the machine running the tests may have. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith("SLACK_")) env[name] = value;
  }
  return env;
}

async function start(
  env: Record<string, string>,
  cwd = process.cwd(),
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", TSX, MAIN], {
    cwd,
    env: {
      ...cleanEnv(),
      CORPUS_DIR: resolve("test/fixtures/corpus"),
      INDEX_FILE: "/nonexistent/index.ndjson",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  const [code] = (await once(child, "exit")) as [number | null];
  clearTimeout(timer);
  return { code, output };
}

const HTTP = { SLACK_BOT_TOKEN: "xoxb-1-test", SLACK_SIGNING_SECRET: "signing-secret-test" };

describe("start errors", () => {
  let fake: FakeSlack;
  let holder: Server;
  let takenPort = 0;

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    holder = createServer().listen(0, "127.0.0.1");
    await once(holder, "listening");
    takenPort = (holder.address() as { port: number }).port;
  });

  afterAll(async () => {
    holder.close();
    await fake.stop();
  });

  it("Slack unreachable names SLACK_API_URL and the network, exit 69", async () => {
    const closed = await freePort();
    const { code, output } = await start({
      ...HTTP,
      SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
      PORT: String(await freePort()),
    });
    expect(output).toMatch(/Slack unreachable \(.*ECONNREFUSED.*\): check the network/);
    expect(output).toContain("SLACK_API_URL");
    expect(code).toBe(69);
  });

  it("a taken port names PORT and HOST, exit 69", async () => {
    const { code, output } = await start({
      ...HTTP,
      SLACK_API_URL: fake.apiUrl,
      HOST: "127.0.0.1",
      PORT: String(takenPort),
    });
    expect(output).toContain(`Cannot listen on 127.0.0.1:${takenPort}`);
    expect(output).toContain("set PORT (and HOST) to a free one");
    expect(code).toBe(69);
  });

  it("the placeholder token from .env.example is refused as a placeholder, exit 78", async () => {
    const callsBefore = fake.calls.length;
    const { code, output } = await start({
      ...HTTP,
      SLACK_BOT_TOKEN: "xoxb-your-bot-token",
      SLACK_API_URL: fake.apiUrl,
    });
    expect(output).toContain("SLACK_BOT_TOKEN is still the placeholder from .env.example");
    expect(code).toBe(78);
    expect(fake.calls.length).toBe(callsBefore); // refused before asking Slack
  });

  it("no .env and no Slack settings suggests cp .env.example .env, exit 78", async () => {
    const empty = await mkdtemp(join(tmpdir(), "no-env-"));
    try {
      const { code, output } = await start({}, empty);
      expect(output).toContain("SLACK_BOT_TOKEN is missing");
      expect(output).toContain("run `cp .env.example .env`");
      expect(code).toBe(78);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { type BotConfig, loadConfig } from "../../src/config.js";
import { MemoryStore } from "../../src/state/memory-store.js";
import { openStateStore, redactUrl } from "../../src/state/open-state-store.js";
import { RedisStore } from "../../src/state/redis-store.js";
import { BACK_INFO, ResilientStore } from "../../src/state/resilient-store.js";
import type { StateStore } from "../../src/state/state-store.js";
import { StateStoreError } from "../../src/state/state-store-error.js";
import { freePort } from "../support/free-port.js";
import { RedisServer, skipWithoutRedis } from "../support/redis-server.js";
import { RecordingLogger } from "./recording-logger.js";
import { waitFor } from "./wait-for.js";

const FAST = { commandTimeoutMs: 300, connectTimeoutMs: 1_000, maxReconnectDelayMs: 100 };

describe("openStateStore without Redis", () => {
  it("keeps state in the process when no URL is given", async () => {
    const logger = new RecordingLogger();
    const store = await openStateStore({ redisUrl: undefined, logger });
    expect(store).toBeInstanceOf(MemoryStore);
    expect(await store.claim("event:E", 60)).toBe(true);
    expect(logger.warnings).toEqual([]);
  });

  it("refuses a URL that is not a Redis URL, in one line", async () => {
    const error = await openStateStore({
      redisUrl: "localhost:6379",
      logger: new RecordingLogger(),
    })
      .then(() => null)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateStoreError);
    expect((error as Error).message).toBe(
      "State store: REDIS_URL is not a redis:// or rediss:// URL",
    );
  });

  it("hides a password when it shows the URL", () => {
    expect(redactUrl("redis://bot:s3cret@cache.internal:6380/2")).toBe(
      "redis://bot:***@cache.internal:6380/2",
    );
    expect(redactUrl("rediss://cache.internal")).toBe("rediss://cache.internal");
    expect(redactUrl("http://cache.internal")).toBeNull();
  });
});

describe.skipIf(skipWithoutRedis)("openStateStore with a real redis-server", () => {
  let server: RedisServer;
  const opened: StateStore[] = [];

  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close()));
    await server?.stop();
  });

  it("shares claims and values between two stores opened on one URL", async () => {
    const logger = new RecordingLogger();
    const open = () =>
      openStateStore({ redisUrl: server.url, logger, keyPrefix: "open:", redis: FAST });
    const [a, b] = await Promise.all([open(), open()]);
    opened.push(a, b);
    expect(a).toBeInstanceOf(ResilientStore);
    expect(await a.claim("event:E", 60)).toBe(true);
    expect(await b.claim("event:E", 60)).toBe(false);
    await b.set("thread:T", "v", 60);
    expect(await a.get("thread:T")).toBe("v");
    expect(logger.warnings).toEqual([]);
    expect(logger.infos[0]).toMatch(/^State store: Redis at REDIS_URL=redis:\/\/127\.0\.0\.1:\d+/);
  });

  it("keeps two bots on one Redis apart by REDIS_PREFIX, defaulting to the slash command", async () => {
    const http = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", REDIS_URL: server.url };
    const bots = {
      syria: loadConfig(http),
      news: loadConfig({ ...http, SLASH_COMMAND: "/news" }),
      staging: loadConfig({ ...http, REDIS_PREFIX: "staging:" }),
    };
    expect(Object.values(bots).map((c) => c.redisPrefix)).toEqual(["syria:", "news:", "staging:"]);
    // A logger per bot: the four connect at once, so which logs first on a shared one is a race.
    const syriaLogger = new RecordingLogger();
    const open = (config: BotConfig, logger = new RecordingLogger()) =>
      openStateStore({
        redisUrl: config.redisUrl,
        keyPrefix: config.redisPrefix,
        logger,
        redis: FAST,
      });
    const [a, a2, b, c] = await Promise.all([
      open(bots.syria, syriaLogger),
      open(bots.syria),
      open(bots.news),
      open(bots.staging),
    ]);
    opened.push(a, a2, b, c);
    expect(await a.claim("event:Ev1", 60)).toBe(true);
    expect(await a2.claim("event:Ev1", 60)).toBe(false); // a replica of the same bot
    expect(await b.claim("event:Ev1", 60)).toBe(true);
    expect(await c.claim("event:Ev1", 60)).toBe(true);
    await a.set("thread:C1:1.1", "answered by syria", 60);
    expect(await a2.get("thread:C1:1.1")).toBe("answered by syria");
    expect(await b.get("thread:C1:1.1")).toBeNull();
    expect(await c.get("thread:C1:1.1")).toBeNull();
    expect(syriaLogger.infos[0]).toContain('keys prefixed "syria:"');
  });

  it("stops the start with one line naming REDIS_URL when Redis is down", async () => {
    const port = await freePort();
    const error = await openStateStore({
      redisUrl: `redis://bot:s3cret@127.0.0.1:${port}`,
      logger: new RecordingLogger(),
      redis: FAST,
    })
      .then(() => null)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateStoreError);
    const { message } = error as Error;
    expect(message).toMatch(
      /^State store: cannot reach Redis at REDIS_URL=redis:\/\/bot:\*\*\*@127\.0\.0\.1:\d+ \(.*ECONNREFUSED.*\); /,
    );
    expect(message).toContain("REDIS_OPTIONAL=1");
    expect(message).not.toContain("s3cret");
    expect(message).not.toContain("\n");
  });

  it("with REDIS_OPTIONAL, warns once, starts on memory, and shares once Redis is up", async () => {
    const late = await RedisServer.start();
    onTestFinished(() => late.stop());
    await late.stop();
    const logger = new RecordingLogger();
    const store = await openStateStore({
      redisUrl: late.url,
      redisOptional: true,
      logger,
      redis: FAST,
    });
    opened.push(store);
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]).toMatch(
      /^State store: cannot reach Redis at REDIS_URL=.*REDIS_OPTIONAL is set/,
    );
    expect(await store.claim("event:early", 60)).toBe(true);
    expect(await store.claim("event:early", 60)).toBe(false);

    await late.restart();
    await waitFor(() => logger.infos.includes(BACK_INFO));
    const other = await openStateStore({
      redisUrl: late.url,
      logger: new RecordingLogger(),
      redis: FAST,
    });
    opened.push(other);
    expect(await store.claim("event:later", 60)).toBe(true);
    expect(await other.claim("event:later", 60)).toBe(false);
    // What was claimed before Redis came up was written to it then.
    const raw = new RedisStore({ url: late.url, ...FAST });
    await raw.connect();
    await waitFor(async () => (await raw.get("event:early")) !== null);
    await raw.close();
    expect(await other.claim("event:early", 60)).toBe(false);
    expect(logger.warnings).toHaveLength(1);
    await store.close();
    await other.close();
    await late.stop();
  });
});

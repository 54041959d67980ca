import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotHarness } from "../support/bot-harness.js";
import { install, mentionFrom, oauthEnv } from "../support/oauth-install.js";
import { RedisServer, skipWithoutRedis } from "../support/redis-server.js";

// OAuth mode with REDIS_URL: installations live in a real redis-server, shared by replicas,
// sealed so that no token is readable there; with Redis gone, a workspace seen in the last few
// minutes is still answered from memory, and one never seen is acknowledged and logged.

const A = { teamId: "T0REDISA", token: "xoxb-redis-alpha-secret-0001" };
const B = { teamId: "T0REDISB", token: "xoxb-redis-bravo-secret-0002" };

describe.skipIf(skipWithoutRedis)("installations in Redis", () => {
  let redis: RedisServer;
  let bot: BotHarness;
  let client: Redis;
  beforeAll(async () => {
    redis = await RedisServer.start();
    client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    client.on("error", () => {});
    await client.connect();
    bot = await new BotHarness().start(
      {
        ...oauthEnv("/nonexistent/not-used-with-redis"),
        REDIS_URL: redis.url,
        REDIS_TIMEOUT_MS: "200",
      },
      { timeoutMs: 2_000, retries: 0 },
    );
  });
  afterAll(async () => {
    client.disconnect();
    await bot.stop();
    await redis.stop();
  });

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await bot.queue.idle();
  }

  it("stores each installation under installation:<key>, with no token or id in clear", async () => {
    expect(
      (
        await install(bot, {
          code: "code-a",
          teamId: A.teamId,
          teamName: "Redis A",
          botToken: A.token,
        })
      ).status,
    ).toBe(200);
    expect(
      (await install(bot, { code: "code-b", teamId: B.teamId, botToken: B.token })).status,
    ).toBe(200);
    const keys = (await client.keys("*")).sort();
    expect(keys).toEqual([`installation:team-${A.teamId}`, `installation:team-${B.teamId}`]);
    for (const key of keys) {
      const value = (await client.get(key)) ?? "";
      expect(value.length).toBeGreaterThan(0);
      for (const secret of [A.token, B.token, "Redis A", "U0INSTALLER"]) {
        expect(value).not.toContain(secret);
      }
    }
  });

  it("answers each workspace with its own token", async () => {
    await mentionFrom(bot, A, "C0RA", "who granted Assad asylum?");
    await bot.fake.waitForCalls("chat.postMessage", 1, 10_000);
    await settle();
    expect(bot.fake.callsWithToken(A.token, "chat.postMessage").map((c) => c.body.channel)).toEqual(
      ["C0RA"],
    );
  });

  it("with Redis gone, answers a workspace seen recently from memory, and acks one never seen", async () => {
    await redis.stop();
    const before = bot.fake.callsTo("chat.postMessage").length;
    const seen = await mentionFrom(bot, A, "C0RA2", "who granted Assad asylum?");
    expect(seen.status).toBe(200);
    await bot.fake.waitForCalls("chat.postMessage", before + 1, 10_000);
    expect(bot.fake.callsTo("chat.postMessage").at(-1)?.token).toBe(A.token);

    const stranger = await mentionFrom(
      bot,
      { teamId: "T0NEVERSEEN" },
      "C0X",
      "who granted Assad asylum?",
    );
    expect(stranger.status).toBe(200);
    await settle();
    expect(bot.fake.callsTo("chat.postMessage")).toHaveLength(before + 1);
    expect(bot.logs.some((l) => l.includes("T0NEVERSEEN") && l.includes("store unreachable"))).toBe(
      true,
    );
    await redis.restart();
  });
});

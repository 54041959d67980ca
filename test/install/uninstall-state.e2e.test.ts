import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisStore } from "../../src/state/redis-store.js";
import { BotHarness } from "../support/bot-harness.js";
import { eventFrom, install, mentionFrom, oauthEnv } from "../support/oauth-install.js";
import { RedisServer, skipWithoutRedis } from "../support/redis-server.js";

// OAuth mode with a real redis-server: app_uninstalled deletes every state key of that workspace
// (its claims and thread memory), and leaves the other workspace's keys as they were.

const A = { teamId: "T0WIPEA", token: "xoxb-wipe-alpha-secret-0001" };
const B = { teamId: "T0WIPEB", token: "xoxb-wipe-bravo-secret-0002" };

describe.skipIf(skipWithoutRedis)("uninstall deletes the workspace's state", () => {
  let redis: RedisServer;
  let bot: BotHarness;
  let client: Redis;
  let state: RedisStore;
  beforeAll(async () => {
    redis = await RedisServer.start();
    client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    client.on("error", () => {});
    await client.connect();
    // The state store main.ts opens with REDIS_URL and REDIS_PREFIX: a RedisStore under a prefix.
    state = new RedisStore({ url: redis.url, keyPrefix: "wipe:" });
    await state.connect();
    bot = await new BotHarness().start(
      { ...oauthEnv("/nonexistent/not-used-with-redis"), REDIS_URL: redis.url },
      { timeoutMs: 2_000, retries: 0 },
      { state },
    );
  });
  afterAll(async () => {
    client.disconnect();
    await bot.stop();
    await state.close();
    await redis.stop();
  });

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await bot.queue.idle();
  }

  const stateKeys = async (teamId: string) =>
    (await client.keys("*")).filter((key) => key.startsWith(`wipe:ws:${teamId}.`));

  it("after app_uninstalled no key of that workspace remains and the other's are untouched", async () => {
    await install(bot, { code: "code-a", teamId: A.teamId, botToken: A.token });
    await install(bot, { code: "code-b", teamId: B.teamId, botToken: B.token });
    await mentionFrom(bot, A, "C0SAME", "who granted Assad asylum?");
    await mentionFrom(bot, B, "C0SAME", "who granted Assad asylum?");
    await bot.fake.waitForCalls("chat.postMessage", 2, 10_000);
    await settle();
    expect((await stateKeys(A.teamId)).length).toBeGreaterThan(0);
    const before = new Map<string, string | null>();
    for (const key of await stateKeys(B.teamId)) before.set(key, await client.get(key));
    expect(before.size).toBeGreaterThan(0);

    expect((await eventFrom(bot, A, { type: "app_uninstalled" })).status).toBe(200);
    await settle();

    expect(await stateKeys(A.teamId)).toEqual([]);
    expect(await client.exists(`installation:team-${A.teamId}`)).toBe(0);
    const after = new Map<string, string | null>();
    for (const key of await stateKeys(B.teamId)) after.set(key, await client.get(key));
    expect(after).toEqual(before);
    expect(
      bot.logs.some((l) => /App uninstalled in T0WIPEA: \d+ state key\(s\) deleted/.test(l)),
    ).toBe(true);
  });
});

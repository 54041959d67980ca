import { describe, expect, it } from "vitest";
import { loadReplicaSettings } from "../../src/config.js";
import { CORPUS_CHANGED_TOPIC } from "../../src/live/corpus-changes.js";
import { NO_REDIS_HINT, tellReplicas } from "../../src/live/tell-replicas.js";
import { MemoryLiveStore } from "../../src/state/memory-live-store.js";

const WITH_REDIS = { redisUrl: "redis://replicas.invalid", redisTimeoutMs: 100, redisPrefix: "t:" };

describe("tellReplicas", () => {
  it("without REDIS_URL opens nothing and gives the SIGHUP / RELOAD=watch hint", async () => {
    const result = await tellReplicas({ ...WITH_REDIS, redisUrl: null }, "why", {
      open: () => {
        throw new Error("opened a store without REDIS_URL");
      },
    });
    expect(result).toEqual({ outcome: "no-redis", line: NO_REDIS_HINT });
  });

  it("publishes the live desk's own reload message and closes the store", async () => {
    const store = new MemoryLiveStore(() => 42);
    const heard: string[] = [];
    await store.subscribe(CORPUS_CHANGED_TOPIC, (m) => heard.push(m));
    let closed = false;
    const result = await tellReplicas(WITH_REDIS, "corpus:add added 1 articles", {
      open: () =>
        Object.assign(store, {
          close: async () => {
            closed = true;
          },
        }),
      nowMilliseconds: () => 42,
    });
    expect(result.outcome).toBe("told");
    expect(heard).toEqual(["corpus:add added 1 articles"]);
    expect(closed).toBe(true);
  });

  it("gives up at its deadline when the store never answers", async () => {
    const never = new MemoryLiveStore();
    never.publish = () => new Promise<void>(() => undefined);
    const result = await tellReplicas(WITH_REDIS, "why", { open: () => never, deadlineMs: 50 });
    expect(result.outcome).toBe("failed");
    expect(result.line).toContain("no answer within 50 ms");
  });
});

describe("loadReplicaSettings", () => {
  it("names the bot's channels after SLASH_COMMAND unless REDIS_PREFIX says otherwise", () => {
    expect(loadReplicaSettings({ REDIS_URL: "redis://r:6379", SLASH_COMMAND: "/news" })).toEqual({
      redisUrl: "redis://r:6379",
      redisTimeoutMs: 2_000,
      redisPrefix: "news:",
    });
    expect(loadReplicaSettings({ REDIS_PREFIX: "" }).redisPrefix).toBe("");
    expect(loadReplicaSettings({}).redisUrl).toBeNull();
    expect(() => loadReplicaSettings({ REDIS_TIMEOUT_MS: "soon" })).toThrow(/REDIS_TIMEOUT_MS/);
  });
});

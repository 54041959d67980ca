import { describe, expect, it } from "vitest";
import { THREAD_MEMORY_TTL_SECONDS } from "../../src/query/thread-memory.js";
import {
  assistantThreadKey,
  isAssistantThread,
  markAssistantThread,
} from "../../src/slack/assistant-threads.js";
import { MemoryStore } from "../../src/state/memory-store.js";

describe("assistant threads", () => {
  it("are known once noted, per channel and thread, until the thread memory's expiry", async () => {
    let now = 1_000_000;
    const state = new MemoryStore(() => now);
    expect(await isAssistantThread(state, "D1", "1.1")).toBe(false);
    await markAssistantThread(state, "D1", "1.1");
    expect(await isAssistantThread(state, "D1", "1.1")).toBe(true);
    expect(await isAssistantThread(state, "D1", "1.2")).toBe(false);
    expect(await isAssistantThread(state, "D2", "1.1")).toBe(false);
    now += THREAD_MEMORY_TTL_SECONDS * 1000 + 1;
    expect(await isAssistantThread(state, "D1", "1.1")).toBe(false);
    await state.close();
  });

  it("live under their own key namespace, apart from thread memory", () => {
    expect(assistantThreadKey("D1", "1.1")).toBe("assistant:D1:1.1");
  });
});

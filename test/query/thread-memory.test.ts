import { describe, expect, it } from "vitest";
import {
  decodeThreadMemory,
  encodeThreadMemory,
  REMEMBERED_QUESTION_MAX,
  recallThread,
  rememberAnswer,
  THREAD_MEMORY_QUESTIONS,
  THREAD_MEMORY_TTL_SECONDS,
  threadKey,
} from "../../src/query/thread-memory.js";
import { MemoryStore } from "../../src/state/memory-store.js";
import { hasLoneSurrogate } from "../support/unicode.js";

function clock(start = 1_700_000_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (seconds: number) => {
      now += seconds * 1000;
    },
  };
}

describe("thread memory", () => {
  it("remembers nothing of a thread the bot never answered in", async () => {
    const store = new MemoryStore();
    expect(await recallThread(store, threadKey("C1", "1.1"))).toBeNull();
  });

  it("remembers the questions answered in a thread, oldest first, with when", async () => {
    const time = clock();
    const store = new MemoryStore(time.now);
    const key = threadKey("C1", "1.1");
    await rememberAnswer(store, key, "Who opened the bridge?", { now: time.now });
    time.advance(60);
    await rememberAnswer(store, key, "and when?", { now: time.now });
    expect(await recallThread(store, key, { now: time.now })).toEqual({
      questions: [
        { text: "Who opened the bridge?", at: 1_700_000_000_000 },
        { text: "and when?", at: 1_700_000_060_000 },
      ],
    });
    expect(await recallThread(store, threadKey("C1", "2.2"), { now: time.now })).toBeNull();
    expect(await recallThread(store, threadKey("C2", "1.1"), { now: time.now })).toBeNull();
  });

  it("keeps only the last five questions", async () => {
    const time = clock();
    const store = new MemoryStore(time.now);
    const key = threadKey("D1", "5.5");
    for (let i = 1; i <= 7; i++) await rememberAnswer(store, key, `q${i}`, { now: time.now });
    const memory = await recallThread(store, key, { now: time.now });
    expect(memory?.questions.map((q) => q.text)).toEqual(["q3", "q4", "q5", "q6", "q7"]);
    expect(THREAD_MEMORY_QUESTIONS).toBe(5);
  });

  it("forgets a thread after the expiry, and each answer restarts it", async () => {
    const time = clock();
    const store = new MemoryStore(time.now);
    const key = threadKey("C1", "1.1");
    const options = { now: time.now, ttlSeconds: 600 };
    await rememberAnswer(store, key, "first", options);
    time.advance(500);
    await rememberAnswer(store, key, "second", options);
    time.advance(200);
    // The store entry lives on (restarted at 500 s); the first question is past its expiry.
    expect((await recallThread(store, key, options))?.questions.map((q) => q.text)).toEqual([
      "second",
    ]);
    time.advance(401);
    expect(await recallThread(store, key, options)).toBeNull();
    expect(THREAD_MEMORY_TTL_SECONDS).toBeGreaterThan(0);
  });

  it("cuts a long question before storing it", async () => {
    const store = new MemoryStore();
    const memory = await rememberAnswer(store, "thread:C:1", "x".repeat(5000));
    expect(memory.questions[0]?.text.length).toBe(REMEMBERED_QUESTION_MAX);
  });

  it("cuts a long question between emoji, never inside one", async () => {
    const store = new MemoryStore();
    // The limit falls between the two halves of the 251st emoji.
    const question = `x${"😀".repeat(400)}`;
    const memory = await rememberAnswer(store, "thread:C:2", question);
    const text = memory.questions[0]?.text ?? "";
    expect(hasLoneSurrogate(text)).toBe(false);
    expect(text).toBe(`x${"😀".repeat(Math.floor((REMEMBERED_QUESTION_MAX - 1) / 2))}`);
    expect(decodeThreadMemory(encodeThreadMemory(memory))).toEqual(memory);
  });

  it("encodes and decodes, and reads a malformed value as no memory", async () => {
    const memory = { questions: [{ text: 'why, "really"?', at: 5 }] };
    expect(decodeThreadMemory(encodeThreadMemory(memory))).toEqual(memory);
    for (const bad of ["", "{", "[]", '{"v":2,"q":[]}', '{"v":1,"q":[["a","b"]]}', "null"]) {
      expect(decodeThreadMemory(bad)).toBeNull();
    }
    const store = new MemoryStore();
    await store.set("thread:C:9", "garbage", 60);
    expect(await recallThread(store, "thread:C:9")).toBeNull();
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { IndexCaches } from "../../src/answer/index-caches.js";
import { answererFor } from "../../src/requests/request-answerer.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import type { PassageIndex } from "../../src/search/passage-index.js";

let index: PassageIndex;
beforeAll(async () => {
  index = await buildIndexFromCorpus("test/fixtures/corpus");
});

const question = (text: string) => ({ kind: "question" as const, question: text });

describe("answererFor", () => {
  it("answers a repeated question from memory, with the same reply", () => {
    const ask = answererFor(index);
    const first = ask(question("who granted asylum"), "/ask");
    expect(first.kind).toBe("question");
    expect(ask(question("who granted asylum"), "/ask")).toBe(first);
  });

  it("keys on the exact text and on the command, which a no-answer reply names", () => {
    const ask = answererFor(index);
    const first = ask(question("who granted asylum"), "/ask");
    expect(ask(question("Who granted asylum"), "/ask")).not.toBe(first);
    expect(ask(question("who granted asylum"), "/news")).not.toBe(first);
  });

  it("answers `who` a name nobody has as a question through the index's caches, not fresh ones", () => {
    const caches = new IndexCaches(index);
    const ask = answererFor(index, { caches, cacheSize: 0 });
    expect(caches.surface).toBeUndefined();
    const reply = ask({ kind: "who", name: "zzyzx quorble" }, "/ask");
    expect(reply.kind).toBe("question");
    // Derived once, into the caches every later answer reads.
    const surface = caches.surface;
    expect(surface?.size).toBeGreaterThan(10);
    ask({ kind: "who", name: "zzyzx quorble" }, "/ask");
    expect(caches.surface).toBe(surface);
  });

  it("remembers nothing with a cache size of 0, and never caches help", () => {
    const ask = answererFor(index, { cacheSize: 0 });
    const first = ask(question("who granted asylum"), "/ask");
    const again = ask(question("who granted asylum"), "/ask");
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    let examplesAsked = 0;
    const withExamples = answererFor(index, {
      examples: () => {
        examplesAsked++;
        return ["who granted asylum"];
      },
    });
    withExamples({ kind: "help" }, "/ask");
    withExamples({ kind: "help" }, "/ask");
    expect(examplesAsked).toBe(2);
  });
});

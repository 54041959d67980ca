import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { cachesFor, IndexCaches } from "../../src/answer/index-caches.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";

const index = await buildIndexFromCorpus("test/fixtures/corpus");
const QUESTIONS = ["who granted asylum", "humanitarian grounds", "banana bread recipe"];

describe("IndexCaches", () => {
  it("gives the same answers shared by many questions as fresh for each, and fills as it goes", () => {
    const caches = new IndexCaches(index);
    expect([caches.sourceOnly, caches.surface, caches.lexicon]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    for (const question of QUESTIONS)
      expect(answerQuestion(index, question, { caches })).toEqual(answerQuestion(index, question));
    expect(caches.sourceOnly).toBeInstanceOf(Set);
    expect(caches.surface?.size).toBeGreaterThan(30);
    expect(caches.lexicon?.entries.length).toBeGreaterThan(0);
    // "banana bread recipe" is not answered: looking for its suggestions built the pool, once.
    expect(caches.suggestionPool).toBeDefined();
  });

  it("keeps what it was given: a second question derives nothing again", () => {
    const caches = new IndexCaches(index);
    answerQuestion(index, "who granted asylum", { caches });
    const { sourceOnly, surface, lexicon } = caches;
    answerQuestion(index, "humanitarian grounds", { caches });
    expect(caches.sourceOnly).toBe(sourceOnly);
    expect(caches.surface).toBe(surface);
    expect(caches.lexicon).toBe(lexicon);
  });

  it("refuses another index's caches rather than answer from them", () => {
    const other = buildPassageIndex(index.passages.slice(0, 3));
    const caches = new IndexCaches(other);
    expect(cachesFor(other, caches)).toBe(caches);
    expect(() => cachesFor(index, caches)).toThrow(/another index/);
    expect(() => answerQuestion(index, "who granted asylum", { caches })).toThrow(/another index/);
    expect(cachesFor(index, undefined).index).toBe(index);
  });
});

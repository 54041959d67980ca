import { describe, expect, it } from "vitest";
import { corpusWordQuestions } from "./question-mix.js";
import { zipfPassages } from "./zipf-corpus.js";

describe("zipfPassages", () => {
  it("is the same corpus for the same seed, and another for another seed", () => {
    const a = zipfPassages(300, { seed: 1 });
    expect(zipfPassages(300, { seed: 1 })).toEqual(a);
    expect(zipfPassages(300, { seed: 2 }).map((p) => p.text)).not.toEqual(a.map((p) => p.text));
  });

  it("draws words by Zipf's law: the word of rank r about 1/r as often as the first", () => {
    const passages = zipfPassages(3_000, { vocabulary: 20_000 });
    const counts = new Map<string, number>();
    for (const p of passages) {
      for (const word of p.text.toLowerCase().match(/[a-z]+/g) ?? []) {
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
    const sorted = [...counts.values()].sort((x, y) => y - x);
    const first = sorted[0] as number;
    expect((sorted[9] as number) / first).toBeGreaterThan(0.05);
    expect((sorted[9] as number) / first).toBeLessThan(0.2);
    expect(counts.size).toBeGreaterThan(5_000);
  });

  it("groups passages 12 to an article, each article with one source", () => {
    const passages = zipfPassages(30);
    expect(new Set(passages.map((p) => p.articleId)).size).toBe(3);
    const first = passages.filter((p) => p.articleId === passages[0]?.articleId);
    expect(first).toHaveLength(12);
    expect(new Set(first.map((p) => `${p.outlet} ${p.title} ${p.published}`)).size).toBe(1);
    expect(passages.every((p) => p.text === p.sentences.join(" "))).toBe(true);
  });

  it("is asked in its own words: the bench's questions for it are words of its passages", () => {
    const passages = zipfPassages(200);
    const questions = corpusWordQuestions(passages, 23);
    expect(questions).toHaveLength(23);
    expect(corpusWordQuestions(passages, 23)).toEqual(questions);
    const words = new Set(passages.flatMap((p) => p.text.toLowerCase().match(/[a-z]+/g) ?? []));
    for (const question of questions) {
      const asked = question.split(" ");
      expect(asked.length).toBeGreaterThanOrEqual(2);
      expect(asked.length).toBeLessThanOrEqual(7);
      expect(asked.every((word) => words.has(word))).toBe(true);
    }
  });
});

import { describe, expect, it } from "vitest";
import type { Passage } from "../../src/passages/passage.js";
import { realisticPassages } from "./synthetic-corpus.js";

const base: Passage[] = [
  {
    id: "a#0",
    articleId: "a",
    position: 0,
    section: null,
    text: "The dam held after the river rose two metres overnight. Engineers watched it until dawn.",
    sentences: [
      "The dam held after the river rose two metres overnight.",
      "Engineers watched it until dawn.",
    ],
    title: "Dam holds",
    outlet: "River Daily",
    url: "https://river.example/dam",
    published: "2023-04-02",
  },
];

describe("realisticPassages", () => {
  it("is the same corpus for the same seed, and another for another seed", () => {
    const a = realisticPassages(base, 200, { seed: 1 });
    expect(realisticPassages(base, 200, { seed: 1 })).toEqual(a);
    expect(realisticPassages(base, 200, { seed: 2 }).map((p) => p.text)).not.toEqual(
      a.map((p) => p.text),
    );
  });

  it("has a long-tailed vocabulary: a few words make up much of the text, most words are rare", () => {
    const passages = realisticPassages(base, 3_000, { eventShare: 0 });
    const counts = new Map<string, number>();
    for (const p of passages) {
      for (const word of p.text.toLowerCase().match(/[a-z]+/g) ?? []) {
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
    const sorted = [...counts.values()].sort((x, y) => y - x);
    const total = sorted.reduce((sum, n) => sum + n, 0);
    const top50 = sorted.slice(0, 50).reduce((sum, n) => sum + n, 0);
    expect(counts.size).toBeGreaterThan(5_000);
    expect(top50 / total).toBeGreaterThan(0.3);
    expect(sorted.filter((n) => n <= 2).length / counts.size).toBeGreaterThan(0.4);
  });

  it("varies sentence length and mixes in the real corpus's sentences at the share asked", () => {
    const passages = realisticPassages(base, 2_000, { eventShare: 0.2 });
    const sentences = passages.flatMap((p) => p.sentences);
    const lengths = new Set(sentences.map((s) => s.split(" ").length));
    expect(lengths.size).toBeGreaterThan(20);
    const real = sentences.filter((s) => base[0]?.sentences.includes(s)).length;
    expect(real / sentences.length).toBeGreaterThan(0.15);
    expect(real / sentences.length).toBeLessThan(0.25);
    expect(passages.every((p) => p.text === p.sentences.join(" "))).toBe(true);
  });
});

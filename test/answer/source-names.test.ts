import { describe, expect, it } from "vitest";
import { sourceOnlyTerms } from "../../src/answer/source-names.js";
import type { Passage } from "../../src/passages/passage.js";
import { processTerm, tokenize } from "../../src/text/terms.js";

function passage(id: string, sentences: string[], outlet: string | null = null): Passage {
  return {
    id,
    articleId: id,
    position: 0,
    section: null,
    outlet,
    title: null,
    url: null,
    published: null,
    text: sentences.join(" "),
    sentences,
  };
}

function frequencies(passages: readonly Passage[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const p of passages) {
    const terms = new Set(
      tokenize(p.text).flatMap((w) => (w === "" ? [] : (processTerm(w) ?? []))),
    );
    for (const term of terms) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return df;
}

const term = (word: string) => processTerm(word) as string;

describe("sourceOnlyTerms", () => {
  const passages = [
    passage("a", [
      "LISBON (Harbour News) The minister resigned on Monday.",
      "Agence Lusitania-Presse notes that the ministry declined to comment.",
      "The convoy left, as an ALP journalist saw.",
    ]),
    passage("b", ["The ministry spoke to Harbour officials.", "Ceres Daily reported the vote."]),
  ];
  const found = sourceOnlyTerms(passages, frequencies(passages));

  it("finds words used only in a dateline or inside an agency's spelled-out name", () => {
    expect(found.has(term("Lisbon"))).toBe(true);
    expect(found.has(term("Lusitania"))).toBe(true);
  });

  it("keeps words the text also uses elsewhere, and names of one word asked for by themselves", () => {
    expect(found.has(term("Harbour"))).toBe(false);
    expect(found.has(term("ministry"))).toBe(false);
    expect(found.has(term("ALP"))).toBe(false);
  });
});

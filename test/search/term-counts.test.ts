import { describe, expect, it } from "vitest";
import type { Passage } from "../../src/passages/passage.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { TextTermCounts } from "../../src/search/term-counts.js";
import { processTerm, termsOfText } from "../../src/text/terms.js";

function passage(text: string, title: string | null = null): Passage {
  return {
    id: text,
    articleId: "a",
    position: 0,
    section: null,
    text,
    sentences: [text],
    outlet: null,
    title,
    url: null,
    published: null,
  };
}

describe("TextTermCounts", () => {
  const passages = [
    passage("Rebels entered the city, and the rebels held it.", "Rebels in the city"),
    passage("The army withdrew from the city overnight."),
    passage("Talks resumed in Geneva."),
  ];
  const index = buildPassageIndex(passages);
  const counts = new TextTermCounts(index.miniSearch, passages.length);
  const countOf = (term: string, id: number) => counts.postingsOf(term)?.get(counts.keyOf(id)) ?? 0;

  it("counts each term of a passage's text as tokenising and stemming it does", () => {
    passages.forEach((p, id) => {
      const expected = new Map<string, number>();
      for (const term of termsOfText(p.text)) expected.set(term, (expected.get(term) ?? 0) + 1);
      for (const [term, count] of expected) expect(countOf(term, id)).toBe(count);
    });
  });

  it("is 0 for a term the passage lacks, one only its title holds, one no passage holds (no postings at all), and a position past the end", () => {
    const rebel = processTerm("rebels") as string;
    expect(countOf(rebel, 1)).toBe(0);
    expect(countOf(rebel, 0)).toBe(2); // the title's "Rebels" is not counted
    expect(counts.postingsOf("zzzunknown")).toBeNull();
    expect(counts.keyOf(99)).toBe(-1);
    expect(countOf(rebel, 99)).toBe(0);
  });
});

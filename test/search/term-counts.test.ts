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

  it("counts each term of a passage's text as tokenising and stemming it does", () => {
    passages.forEach((p, id) => {
      const expected = new Map<string, number>();
      for (const term of termsOfText(p.text)) expected.set(term, (expected.get(term) ?? 0) + 1);
      for (const [term, count] of expected) expect(counts.countsOf(term)(id)).toBe(count);
    });
  });

  it("is 0 for a term the passage lacks, one only its title holds, one no passage holds, and a position past the end", () => {
    const rebel = processTerm("rebels") as string;
    expect(counts.countsOf(rebel)(1)).toBe(0);
    expect(counts.countsOf(rebel)(0)).toBe(2); // the title's "Rebels" is not counted
    expect(counts.countsOf("zzzunknown")(0)).toBe(0);
    expect(counts.countsOf(rebel)(99)).toBe(0);
  });
});

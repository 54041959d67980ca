import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balancedGroupSizes, splitIntoPassages } from "../../src/passages/split-passages.js";
import { splitIntoSentences } from "../../src/passages/split-sentences.js";
import { makeArticle } from "../fixtures/articles.js";

describe("splitIntoPassages", () => {
  it("makes passages of 1 to 3 whole sentences that carry the article's source", () => {
    const article = makeArticle({
      body: [
        { kind: "paragraph", text: "One. Two. Three. Four. Five." },
        { kind: "heading", text: "Bases" },
        { kind: "paragraph", text: "Six." },
      ],
    });
    const passages = splitIntoPassages(article);
    expect(passages.map((p) => p.sentences)).toEqual([
      ["One.", "Two.", "Three."],
      ["Four.", "Five."],
      ["Six."],
    ]);
    expect(passages[2]).toMatchObject({
      id: "fixture#2",
      position: 2,
      section: "Bases",
      text: "Six.",
      title: article.title,
      outlet: article.outlet,
      url: article.url,
      published: article.published,
    });
  });

  it("never makes the title a passage", () => {
    const passages = splitIntoPassages(makeArticle());
    expect(passages.map((p) => p.text)).not.toContain(makeArticle().title);
  });

  it("loses and repeats no sentence of an article (property)", () => {
    const sentence = fc.stringMatching(/^[A-Z][a-z]{0,6}( [a-z]{1,6}){0,5}[.!?]$/);
    const paragraph = fc.array(sentence, { minLength: 1, maxLength: 9 }).map((s) => s.join(" "));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), (paragraphs) => {
        const article = makeArticle({
          body: paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
        });
        const passages = splitIntoPassages(article);
        const expected = paragraphs.flatMap(splitIntoSentences);
        expect(passages.flatMap((p) => p.sentences)).toEqual(expected);
        for (const p of passages) {
          expect(p.sentences.length).toBeGreaterThanOrEqual(1);
          expect(p.sentences.length).toBeLessThanOrEqual(3);
        }
      }),
    );
  });
});

describe("balancedGroupSizes", () => {
  it("splits into the fewest, most even groups", () => {
    expect(balancedGroupSizes(0, 3)).toEqual([]);
    expect(balancedGroupSizes(4, 3)).toEqual([2, 2]);
    expect(balancedGroupSizes(7, 3)).toEqual([3, 2, 2]);
  });
});

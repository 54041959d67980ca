import { describe, expect, it } from "vitest";
import { splitIntoPassages } from "../../src/passages/split-passages.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { searchPassages } from "../../src/search/search-passages.js";
import { queryTermsOf } from "../../src/search/text-processing.js";
import { makeArticle } from "../fixtures/articles.js";

const index = buildPassageIndex(
  splitIntoPassages(
    makeArticle({
      body: [
        {
          kind: "paragraph",
          text: "President Putin personally granted asylum to Assad, the Kremlin said.",
        },
        {
          kind: "paragraph",
          text: "The future of the Khmeimim airbase and the Tartous naval facility is open.",
        },
        {
          kind: "paragraph",
          text: "Russia granted them asylum on humanitarian grounds, a source told TASS.",
        },
        {
          kind: "paragraph",
          text: "Rebels captured Aleppo, Hama and Homs before entering Damascus.",
        },
      ],
    }),
  ),
);
const texts = (q: string) => searchPassages(index, q).map((r) => r.passage.text);

describe("searchPassages", () => {
  it("returns ranked passages with their source, score and matched terms", () => {
    const [first] = searchPassages(index, "humanitarian grounds");
    expect(first).toMatchObject({
      passage: {
        title: "Kremlin Says Putin Decided",
        outlet: "Example News",
        url: "https://example.com/a",
        published: "2024-12-09",
      },
      matchedTerms: expect.arrayContaining(queryTermsOf("humanitarian grounds")),
    });
    expect(first?.score).toBeGreaterThan(0);
    expect(first?.passage.text).toMatch(/humanitarian/);
  });

  it("meets name variants and typos", () => {
    expect(texts("Hmeimim")[0]).toMatch(/Khmeimim/);
    expect(texts("tartus")[0]).toMatch(/Tartous/);
    expect(texts("humanitarain grounds")[0]).toMatch(/humanitarian/);
    expect(texts("Alepo")[0]).toMatch(/Aleppo/);
  });

  it("matches a prefix of an unknown word", () => {
    expect(texts("humanit")[0]).toMatch(/humanitarian/);
  });

  it("returns nothing for off-topic questions and stop words alone", () => {
    expect(texts("how do I reset my password")).toEqual([]);
    expect(texts("banana bread recipe")).toEqual([]);
    expect(texts("who what when where why")).toEqual([]);
    expect(texts("")).toEqual([]);
  });

  it("respects the limit", () => {
    expect(searchPassages(index, "asylum", { limit: 1 })).toHaveLength(1);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitIntoPassages } from "../../src/passages/split-passages.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { buildPassageIndex, countDocumentFrequency } from "../../src/search/passage-index.js";
import { realisticPassages } from "../bench/synthetic-corpus.js";
import { makeArticle } from "../fixtures/articles.js";

const sorted = (frequency: ReadonlyMap<string, number>) =>
  [...frequency].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe("the index's document frequencies", () => {
  it("are what counting every passage's text terms gives, on a realistic corpus", async () => {
    const base = (await buildIndexFromCorpus("test/fixtures/corpus")).passages;
    const passages = realisticPassages(base, 1_500, { seed: 7 });
    const index = buildPassageIndex(passages);
    expect(index.documentFrequency.size).toBeGreaterThan(1_000);
    expect(sorted(index.documentFrequency)).toEqual(sorted(countDocumentFrequency(passages)));
  });

  it("leave titles out and count a passage once however often it repeats a term, for any text", () => {
    const word = fc.constantFrom(
      "asylum",
      "Granted",
      "granting",
      "the",
      "Moscow",
      "x",
      "2024",
      "é",
    );
    const paragraph = fc.array(word, { minLength: 0, maxLength: 12 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 6 }),
        fc.string(),
        (texts, title) => {
          const passages = splitIntoPassages(
            makeArticle({
              title: title.trim() === "" ? "Title" : title,
              body: texts.map((text) => ({ kind: "paragraph" as const, text: `${text}.` })),
            }),
          );
          const index = buildPassageIndex(passages);
          expect(sorted(index.documentFrequency)).toEqual(sorted(countDocumentFrequency(passages)));
        },
      ),
      { numRuns: 60 },
    );
  });
});

import fc from "fast-check";
import MiniSearch, { type Options } from "minisearch";
import { describe, expect, it } from "vitest";
import { indexDocuments } from "../../src/search/index-documents.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { MINISEARCH_OPTIONS } from "../../src/search/passage-index.js";
import { pronounContexts } from "../../src/search/pronoun-context.js";
import { realisticPassages } from "../bench/synthetic-corpus.js";

interface Doc {
  key: number;
  text: string;
  title: string;
  context: string;
}

const byAddAll = <T extends object>(options: Options<T>, documents: readonly T[]) => {
  const miniSearch = new MiniSearch<T>(options);
  miniSearch.addAll(documents);
  return miniSearch;
};

// toJSON walks the radix tree, so equal JSON means the same terms in the same tree order, the
// same postings in the same order, the same field lengths and averages to the last bit.
const sameIndex = <T extends object>(options: Options<T>, documents: readonly T[]) =>
  expect(JSON.stringify(indexDocuments(options, documents))).toBe(
    JSON.stringify(byAddAll(options, documents)),
  );

describe("indexDocuments", () => {
  it("builds the index MiniSearch's addAll builds, on a realistic corpus with the bot's options", async () => {
    const base = (await buildIndexFromCorpus("test/fixtures/corpus")).passages;
    const passages = realisticPassages(base, 1_200, { seed: 11 });
    const contexts = pronounContexts(passages);
    const documents: Doc[] = passages.map((p, key) => ({
      key,
      text: p.text,
      title: p.title ?? "",
      context: contexts[key] ?? "",
    }));
    sameIndex(MINISEARCH_OPTIONS, documents);
    // And it searches alike.
    const built = indexDocuments(MINISEARCH_OPTIONS, documents);
    const reference = byAddAll(MINISEARCH_OPTIONS, documents);
    for (const q of ["asylum granted", "moscow", "assad russia humanitarian"])
      expect(built.search(q, { fuzzy: 0.2 })).toEqual(reference.search(q, { fuzzy: 0.2 }));
  });

  it("builds the index addAll builds for any texts, with MiniSearch's default term processing", () => {
    const word = fc.constantFrom("a", "b", "ab", "ba", "abc", "Ab", "é", "e\u0301", "", " ", "-");
    const text = fc.array(word, { maxLength: 10 }).map((w) => w.join(" "));
    const options: Options<{ id: string; x?: string; y: string }> = { fields: ["x", "y"] };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.option(text, { nil: undefined }), text), { maxLength: 8 }),
        (rows) => {
          const documents = rows.map(([x, y], i) => ({
            id: `d${i}`,
            ...(x === undefined ? {} : { x }),
            y,
          }));
          sameIndex(options, documents);
        },
      ),
    );
  });

  it("refuses what addAll refuses, with MiniSearch's messages", () => {
    const options: Options<{ id?: string; t: string }> = { fields: ["t"] };
    expect(() => indexDocuments(options, [{ t: "x" }])).toThrow(
      'MiniSearch: document does not have ID field "id"',
    );
    expect(() =>
      indexDocuments(options, [
        { id: "a", t: "x" },
        { id: "a", t: "y" },
      ]),
    ).toThrow("MiniSearch: duplicate ID a");
    expect(() => indexDocuments({ ...options, storeFields: ["t"] }, [])).toThrow(
      "index-documents: stored fields are not supported",
    );
  });
});

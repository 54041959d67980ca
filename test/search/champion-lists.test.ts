import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { splitIntoPassages } from "../../src/passages/split-passages.js";
import { buildChampionLists, termFrequencyWeight } from "../../src/search/champion-lists.js";
import { buildPassageIndex, termsOfText } from "../../src/search/passage-index.js";
import { buildIndexFromCorpus } from "../../src/search/prebuilt-index.js";
import { findCandidates } from "../../src/search/search-passages.js";
import { syntheticPassages } from "../bench/synthetic-corpus.js";
import { makeArticle } from "../fixtures/articles.js";

describe("buildChampionLists", () => {
  it("keeps, for each common term, the passages where it weighs most, as a full sort would (property)", () => {
    const word = fc.constantFrom("asylum", "putin", "kremlin", "bases", "tartus");
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        (texts, size) => {
          const passages = splitIntoPassages(
            makeArticle({
              body: texts.map((t) => ({ kind: "paragraph" as const, text: `${t.join(" ")}.` })),
            }),
          );
          const df = new Map<string, number>();
          for (const p of passages)
            for (const t of new Set(termsOfText(p.text))) df.set(t, (df.get(t) ?? 0) + 1);
          const lists = buildChampionLists(passages, termsOfText, df, 0, size);
          const lengths = passages.map((p) => termsOfText(p.text).length);
          const average = lengths.reduce((a, b) => a + b, 0) / lengths.length;
          for (const [term, list] of lists) {
            const expected = passages
              .map((p, id) => {
                const tf = termsOfText(p.text).filter((t) => t === term).length;
                return {
                  id,
                  weight: tf === 0 ? 0 : termFrequencyWeight(tf, lengths[id] as number, average),
                };
              })
              .filter((e) => e.weight > 0)
              .sort((a, b) => b.weight - a.weight || a.id - b.id)
              .slice(0, size);
            expect(list.ids).toEqual(expected.map((e) => e.id));
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("search on a large corpus (champion lists)", () => {
  it("finds the same kind of passage first as on the small corpus", async () => {
    const base = (await buildIndexFromCorpus("corpus")).passages;
    const large = buildPassageIndex(syntheticPassages(base, 20_000, 7));
    expect(large.championLists.size).toBeGreaterThan(0);
    const cases: [string, RegExp][] = [
      ["who granted asylum", /grant/i],
      ["humanitarian grounds", /humanitarian/],
      ["Hmeimim airbase", /Hmeimim|Khmeimim/],
      ["grantd asylm", /grant(ed)? (them )?asylum/i],
      ["russian envoy in vienna", /Ulyanov/],
    ];
    for (const [question, pattern] of cases) {
      expect(findCandidates(large, question).hits.length).toBeGreaterThan(0);
      const first = answerQuestion(large, question).items[0];
      expect(first?.passage.text).toMatch(pattern);
    }
    expect(answerQuestion(large, "banana bread recipe").items).toEqual([]);
  });
});

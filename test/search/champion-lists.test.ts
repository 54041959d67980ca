import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { IndexCaches } from "../../src/answer/index-caches.js";
import { splitIntoPassages } from "../../src/passages/split-passages.js";
import { buildChampionLists, NO_CHAMPION_LISTS } from "../../src/search/champion-lists.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { MiniSearchInternalsError } from "../../src/search/minisearch-internals.js";
import { buildPassageIndex, type PassageIndex } from "../../src/search/passage-index.js";
import { findCandidates } from "../../src/search/search-passages.js";
import { FIELD_BOOSTS } from "../../src/text/terms.js";
import { syntheticPassages } from "../bench/synthetic-corpus.js";
import { makeArticle } from "../fixtures/articles.js";

// A small corpus about another event: a harbour flood.
const WORDS = [
  "harbour",
  "flood",
  "mayor",
  "ferry",
  "storm",
  "pier",
  "rescue",
  "council",
  "warning",
  "tide",
] as const;

function indexOf(texts: string[][]): PassageIndex {
  const passages = splitIntoPassages(
    makeArticle({
      title: "Harbour Flood",
      body: texts.map((t) => ({ kind: "paragraph" as const, text: `${t.join(" ")}.` })),
    }),
  );
  return buildPassageIndex(passages);
}

/** The index with champion lists of `size` postings a term, whatever its size. */
function withChampions(index: PassageIndex, size: number): PassageIndex {
  const championLists = buildChampionLists(index.miniSearch, index.passages.length, FIELD_BOOSTS, {
    minPassages: 0,
    size,
  });
  return { ...index, championLists };
}

const corpus = fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }), {
  minLength: 1,
  maxLength: 40,
});

describe("buildChampionLists", () => {
  it("keeps each term's best passages by MiniSearch's own score, best first (property)", () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 1, max: 10 }), (texts, size) => {
        const index = indexOf(texts);
        const lists = withChampions(index, size).championLists;
        for (const word of WORDS) {
          const term = word === "harbour" ? "harbour" : [...findCandidates(index, word).terms][0];
          if (term === undefined) continue;
          // MiniSearch searching the one term in full: the reference scores.
          const reference = index.miniSearch
            .search(term, { boost: FIELD_BOOSTS, processTerm: (t) => t })
            .map((hit) => ({ id: hit.id as number, score: hit.score }))
            .sort((a, b) => b.score - a.score || a.id - b.id);
          const list = lists.get(term);
          if (reference.length === 0) {
            expect(list).toBeUndefined();
            continue;
          }
          expect(list?.complete).toBe(reference.length <= size);
          const kept = reference.slice(0, size);
          expect([...(list?.impacts ?? [])]).toEqual(
            kept.map((r) => expect.closeTo(r.score, 4) as unknown as number),
          );
          const impactOf = lists.impactOf(term);
          for (const { id, score } of reference) expect(impactOf(id)).toBeCloseTo(score, 4);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("builds none for a small corpus, and says so plainly for an index it cannot read", () => {
    const index = indexOf([["harbour", "flood"]]);
    expect(buildChampionLists(index.miniSearch, index.passages.length, FIELD_BOOSTS)).toBe(
      NO_CHAMPION_LISTS,
    );
    expect(() =>
      buildChampionLists({} as typeof index.miniSearch, 10, FIELD_BOOSTS, { minPassages: 0 }),
    ).toThrow(MiniSearchInternalsError);
  });
});

describe("search through champion lists", () => {
  const question = fc
    .uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 })
    .map((words) => words.join(" "));
  // Long enough that some terms are only looked up, not read from their lists.
  const longQuestion = fc
    .uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 10 })
    .map((words) => words.join(" "));

  it("finds the same top passages, with the same scores, as MiniSearch's full scan when no list is cut (property)", () => {
    fc.assert(
      fc.property(corpus, question, (texts, q) => {
        const index = indexOf(texts);
        const full = findCandidates(index, q).hits;
        const champion = findCandidates(withChampions(index, 1_000), q).hits;
        // Impacts are stored as 32-bit floats: scores agree to about 7 digits, and passages whose
        // scores tie to that precision may come in either order.
        expect(champion.map((h) => h.id).sort()).toEqual(full.map((h) => h.id).sort());
        expect(champion[0]?.score ?? 0).toBeCloseTo(full[0]?.score ?? 0, 4);
        for (const hit of champion) {
          const exact = full.find((h) => h.id === hit.id);
          expect(hit.score).toBeCloseTo(exact?.score as number, 4);
          expect([...hit.queryTerms].sort()).toEqual([...(exact?.queryTerms ?? [])].sort());
        }
      }),
      { numRuns: 100 },
    );
  });

  it("counts a misspelled word once however many neighbours it matches, as MiniSearch does", () => {
    // "storx" is one edit from "storm" and from "stork": one question term searched as two index
    // terms, which a passage holding both matches once (MiniSearch's multiplier counts question terms).
    const index = indexOf([["storm", "tide"], ["stork", "storm"], ["stork"], ["harbour"]]);
    const q = "storx tide";
    const full = findCandidates(index, q).hits;
    const champion = findCandidates(withChampions(index, 1_000), q).hits;
    expect(champion.some((hit) => hit.terms.length === 2 && hit.queryTerms.length === 1)).toBe(
      true,
    );
    expect(champion.map((h) => h.id).sort()).toEqual(full.map((h) => h.id).sort());
    for (const hit of champion) {
      const exact = full.find((h) => h.id === hit.id);
      expect(hit.score).toBeCloseTo(exact?.score as number, 4);
    }
  });

  it("scores the passages it finds exactly when lists are cut short, by looking the rest up (property)", () => {
    fc.assert(
      fc.property(corpus, longQuestion, fc.integer({ min: 1, max: 4 }), (texts, q, size) => {
        const index = indexOf(texts);
        const full = findCandidates(index, q).hits;
        const champion = findCandidates(withChampions(index, size), q).hits;
        if (full.length > 0) expect(champion.length).toBeGreaterThan(0);
        // A passage outside every list is not seen at all (the champion-list trade); every passage
        // seen has its exact score, so the full scan's best, when seen, comes first.
        for (const hit of champion) {
          const exact = full.find((h) => h.id === hit.id);
          expect(hit.score).toBeCloseTo(exact?.score as number, 4);
        }
        const best = full[0];
        if (best && champion.some((h) => h.id === best.id)) {
          expect(champion[0]?.score).toBeCloseTo(best.score, 4);
        }
      }),
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
    const caches = new IndexCaches(large);
    for (const [question, pattern] of cases) {
      expect(findCandidates(large, question).hits.length).toBeGreaterThan(0);
      const first = answerQuestion(large, question, { caches }).items[0];
      expect(first?.passage.text).toMatch(pattern);
    }
    expect(answerQuestion(large, "banana bread recipe", { caches }).items).toEqual([]);
  }, 120_000);
});

import type { SearchResult as MiniSearchHit } from "minisearch";
import { absentWordWeight, isName } from "../text/english-frequency.js";
import { inverseDocumentFrequency, type PassageIndex, termsOfText } from "./passage-index.js";
import type { SearchResult } from "./search-result.js";
import {
  FIELD_BOOSTS,
  fuzzyDistance,
  queryWordsOf,
  termWeight,
  usePrefix,
} from "./text-processing.js";

/** Only this much of a question is read: enough for any real question, and it bounds the work. */
export const MAX_QUESTION_CHARS = 500;

/**
 * A passage must match at least this share of the question's information (terms weighted by
 * inverse document frequency) to be shown. Below it, a hit shares only a common word or a typo's
 * neighbour with the question, and showing it would be noise. Calibrated on the project's
 * question set: see README, "Measured quality".
 */
export const MIN_COVERAGE = 0.45;

/** A term the index does not know, matched only fuzzily or as a prefix, counts for this much. */
const APPROXIMATE_MATCH_CREDIT = 0.8;

/**
 * A word the corpus lacks has the highest inverse document frequency there is; it counts for this
 * share of it, so one word of chat ("wording", "explainer") does not outweigh two that match.
 */
const UNKNOWN_WORD_SHARE = 0.5;

/** A question word matched through a synonym counts for this share of its weight. */
const EXPANSION_CREDIT = 0.7;

/** How many candidates rare terms find, at most. */
const RESCORE_POOL = 300;
/** How many of the best of them are read to check for the common terms, too. */
const RECHECK_POOL = 100;
/** At most this many index terms stand in for one misspelled or partial query term. */
const MAX_EXPANSIONS = 8;
// MiniSearch's own weights for fuzzy and prefix matches, used alike when expanding by hand.
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;

export interface SearchOptions {
  limit?: number;
  minCoverage?: number;
}

const identity = (term: string) => term;
const splitOnSpace = (text: string) => text.split(" ");

/** One index term a query term is searched as, and what it counts for. */
interface SearchTerm {
  term: string;
  queryTerm: string;
  weight: number;
}

/** A candidate passage: the shape of a MiniSearch hit, so both search paths meet downstream. */
type Hit = Pick<MiniSearchHit, "id" | "score" | "terms" | "queryTerms">;

/**
 * Each query term as the index terms it is searched as: itself when the index knows it, else its
 * fuzzy and prefix neighbours in the vocabulary, weighted down as MiniSearch weighs them.
 */
function expandTerms(index: PassageIndex, terms: readonly string[]): SearchTerm[] {
  const expanded: SearchTerm[] = [];
  for (const queryTerm of terms) {
    const base = termWeight(queryTerm);
    if (index.vocabulary.has(queryTerm)) {
      expanded.push({ term: queryTerm, queryTerm, weight: base });
      continue;
    }
    const neighbours = new Map<string, number>();
    const distance = fuzzyDistance(queryTerm, false);
    if (distance !== false) {
      for (const [term, [, edits]] of index.vocabulary.fuzzyGet(queryTerm, distance)) {
        neighbours.set(term, (FUZZY_WEIGHT * term.length) / (term.length + edits));
      }
    }
    if (usePrefix(queryTerm, false)) {
      for (const term of index.vocabulary.atPrefix(queryTerm).keys()) {
        const weight = (PREFIX_WEIGHT * queryTerm.length) / term.length;
        neighbours.set(term, Math.max(weight, neighbours.get(term) ?? 0));
      }
    }
    [...neighbours]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_EXPANSIONS)
      .forEach(([term, weight]) => {
        expanded.push({ term, queryTerm, weight: weight * base });
      });
  }
  return expanded;
}

/** MiniSearch over the whole index: for small corpora and rare terms. */
function searchTerms(
  index: PassageIndex,
  terms: readonly string[],
  expansionTerms: ReadonlySet<string>,
): MiniSearchHit[] {
  // Looked up once per question, and fuzzy and prefix matching left off entirely when every term
  // is known: the common case, where MiniSearch then has nothing to expand.
  const unknown = new Set(terms.filter((term) => !index.vocabulary.has(term)));
  const weightOf = (term: string) =>
    termWeight(term) * (expansionTerms.has(term) ? EXPANSION_WEIGHT : 1);
  return index.miniSearch.search([...terms, ...expansionTerms].join(" "), {
    // The terms are processed already: search them as they are.
    tokenize: splitOnSpace,
    processTerm: identity,
    boost: FIELD_BOOSTS,
    combineWith: "OR",
    fuzzy: unknown.size > 0 && ((term) => fuzzyDistance(term, !unknown.has(term))),
    prefix: unknown.size > 0 && ((term) => usePrefix(term, !unknown.has(term))),
    boostTerm: weightOf,
  });
}

/**
 * For large corpora: rare terms are searched in full with MiniSearch, common ones read from their
 * champion lists, and the best candidates of the rare terms are checked for the common terms too.
 * A term in a passage of average length weighs about its inverse document frequency in BM25,
 * which is what a common term adds there.
 */
function searchWithChampions(index: PassageIndex, searchTermsOf: SearchTerm[]): Hit[] {
  // Candidates are kept as a score and a bit mask of the terms they matched (at most 31 search
  // terms), and turned into hits only for the best: a common term can bring hundreds of them.
  const terms = searchTermsOf.slice(0, 31);
  const bit = new Map(terms.map((t, i) => [t.term, 1 << i]));
  const scores = new Map<number, number>();
  const masks = new Map<number, number>();
  const add = (id: number, score: number, mask: number) => {
    scores.set(id, (scores.get(id) ?? 0) + score);
    masks.set(id, (masks.get(id) ?? 0) | mask);
  };
  const rare = terms.filter((t) => !index.championLists.has(t.term));
  const common = terms.filter((t) => index.championLists.has(t.term));
  const weightOf = new Map(rare.map((t) => [t.term, t.weight]));

  const foundByRare: number[] = [];
  if (rare.length > 0) {
    const hits = index.miniSearch.search(rare.map((t) => t.term).join(" "), {
      tokenize: splitOnSpace,
      processTerm: identity,
      boost: { ...FIELD_BOOSTS },
      combineWith: "OR",
      boostTerm: (term) => weightOf.get(term) ?? 1,
    });
    for (const hit of hits.slice(0, RESCORE_POOL)) {
      let mask = 0;
      for (const term of hit.terms) mask |= bit.get(term) ?? 0;
      add(hit.id as number, hit.score, mask);
      foundByRare.push(hit.id as number);
    }
  }
  for (const { term, weight } of common) {
    const list = index.championLists.get(term);
    if (!list) continue;
    const idf = inverseDocumentFrequency(index, term) * weight;
    const mask = bit.get(term) ?? 0;
    for (let i = 0; i < list.ids.length; i++)
      add(list.ids[i] as number, idf * (list.weights[i] as number), mask);
  }
  // A passage found by a rare term may hold a common term without being in its champion list.
  if (common.length > 0) {
    for (const id of foundByRare.slice(0, RECHECK_POOL)) {
      const present = new Set(termsOfText(index.passages[id]?.text ?? ""));
      for (const { term, weight } of common) {
        const mask = bit.get(term) ?? 0;
        if ((masks.get(id) ?? 0) & mask || !present.has(term)) continue;
        add(id, inverseDocumentFrequency(index, term) * weight, mask);
      }
    }
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, RESCORE_POOL);
  return ranked.map(([id, score]) => {
    const mask = masks.get(id) ?? 0;
    const matched = terms.filter((_, i) => mask & (1 << i));
    return {
      id,
      score,
      terms: [...new Set(matched.map((t) => t.term))],
      queryTerms: [...new Set(matched.map((t) => t.queryTerm))],
    };
  });
}

/** Corpus terms that stand in for question terms the corpus lacks (synonyms), by question term. */
export type Expansions = ReadonlyMap<string, readonly string[]>;

/** Finds the expansions of a question's words: passed in, so search stays free of thesauri. */
export type ExpandWords = (index: PassageIndex, words: ReadonlyMap<string, string>) => Expansions;

/** A synonym's match counts this much toward a passage's score, relative to the word's own. */
const EXPANSION_WEIGHT = 0.5;

/** Finds candidate passages for the question's terms, best first, and the terms searched. */
export function findCandidates(
  index: PassageIndex,
  question: string,
  expand?: ExpandWords,
): { terms: string[]; words: ReadonlyMap<string, string>; expansions: Expansions; hits: Hit[] } {
  const words = queryWordsOf(question.slice(0, MAX_QUESTION_CHARS));
  const terms = [...words.keys()];
  const expansions: Expansions = expand ? expand(index, words) : new Map();
  if (terms.length === 0) return { terms, words, expansions, hits: [] };
  const expansionTerms = new Set([...expansions.values()].flat().filter((t) => !words.has(t)));
  // A corpus with champion lists is large: expand misspelled terms once, against the vocabulary,
  // and read common terms from their champion lists.
  if (index.championLists.size > 0) {
    const searched = [
      ...expandTerms(index, terms),
      ...[...expansionTerms].map((term) => ({
        term,
        queryTerm: term,
        weight: termWeight(term) * EXPANSION_WEIGHT,
      })),
    ];
    return { terms, words, expansions, hits: searchWithChampions(index, searched) };
  }
  return { terms, words, expansions, hits: searchTerms(index, terms, expansionTerms) };
}

/**
 * Measures the share of the question's information (terms weighted by inverse document frequency)
 * that a hit matches, 0–1. The weights are worked out once per question, not once per hit.
 */
export function coverageScorer(
  index: PassageIndex,
  terms: readonly string[],
  words: ReadonlyMap<string, string> = new Map(),
  expansions: Expansions = new Map(),
) {
  const weights = terms.map((term) => {
    const known = index.vocabulary.has(term);
    // A word the articles lack weighs by how rare it is in English: "anyone" must not sink a
    // question, "Zelensky" must.
    const word = words.get(term) ?? term;
    const english = known ? 1 : isName(word) ? 1 : UNKNOWN_WORD_SHARE * absentWordWeight(word);
    const weight = inverseDocumentFrequency(index, term) * termWeight(term) * english;
    const credit = known ? 1 : APPROXIMATE_MATCH_CREDIT;
    return { term, weight, matchedWeight: weight * credit, synonyms: expansions.get(term) ?? [] };
  });
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  return (hit: Pick<Hit, "queryTerms">): number => {
    if (total === 0) return 0;
    let matched = 0;
    let anchored = false;
    for (const { term, matchedWeight } of weights) {
      if (!hit.queryTerms.includes(term)) continue;
      matched += matchedWeight;
      anchored = true;
    }
    // A synonym counts only beside one of the question's own words: the gate that keeps a
    // synonym of some corpus word from answering an off-topic question.
    if (anchored) {
      for (const { term, weight, synonyms } of weights) {
        if (hit.queryTerms.includes(term)) continue;
        if (synonyms.some((synonym) => hit.queryTerms.includes(synonym)))
          matched += weight * EXPANSION_CREDIT;
      }
    }
    return matched / total;
  };
}

/**
 * Finds the passages that best answer a question, best first. Returns nothing, rather than weak
 * hits, when no passage covers enough of the question.
 */
export function searchPassages(
  index: PassageIndex,
  question: string,
  options: SearchOptions = {},
): SearchResult[] {
  const { limit = 3, minCoverage = MIN_COVERAGE } = options;
  const { terms, words, hits } = findCandidates(index, question);
  const coverageOf = coverageScorer(index, terms, words);
  const results: SearchResult[] = [];
  for (const hit of hits) {
    const coverage = coverageOf(hit);
    if (coverage < minCoverage) continue;
    const passage = index.passages[hit.id as number];
    if (!passage) continue;
    results.push({ passage, score: hit.score, coverage, matchedTerms: hit.terms });
    if (results.length === limit) break;
  }
  return results;
}

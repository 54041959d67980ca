import type { SearchResult as MiniSearchHit } from "minisearch";
import { inverseDocumentFrequency, type PassageIndex } from "./passage-index.js";
import type { SearchResult } from "./search-result.js";
import {
  FIELD_BOOSTS,
  fuzzyDistance,
  queryTermsOf,
  termWeight,
  usePrefix,
} from "./text-processing.js";

/** Only this much of a question is read: enough for any real question, and it bounds the work. */
export const MAX_QUESTION_CHARS = 500;

/**
 * A passage must match at least this share of the question's information (terms weighted by
 * inverse document frequency) to be shown. Below it, a hit shares only a common word or a typo's
 * neighbour with the question, and showing it would be noise.
 */
export const MIN_COVERAGE = 0.45;

/** A term the index does not know, matched only fuzzily or as a prefix, counts for this much. */
const APPROXIMATE_MATCH_CREDIT = 0.6;

export interface SearchOptions {
  limit?: number;
  minCoverage?: number;
}

const identity = (term: string) => term;
const splitOnSpace = (text: string) => text.split(" ");

/** Runs MiniSearch for the question's terms; returns raw hits and the terms searched. */
export function findCandidates(
  index: PassageIndex,
  question: string,
): { terms: string[]; hits: MiniSearchHit[] } {
  const terms = queryTermsOf(question.slice(0, MAX_QUESTION_CHARS));
  if (terms.length === 0) return { terms, hits: [] };
  const known = (term: string) => index.vocabulary.has(term);
  const hits = index.miniSearch.search(terms.join(" "), {
    // The terms are processed already: search them as they are.
    tokenize: splitOnSpace,
    processTerm: identity,
    boost: { ...FIELD_BOOSTS },
    combineWith: "OR",
    fuzzy: (term) => fuzzyDistance(term, known(term)),
    prefix: (term) => usePrefix(term, known(term)),
    boostTerm: termWeight,
  });
  return { terms, hits };
}

/** The share of the question's information that one hit matches, 0–1. */
export function coverageOf(index: PassageIndex, terms: readonly string[], hit: MiniSearchHit) {
  let total = 0;
  let matched = 0;
  for (const term of terms) {
    const weight = inverseDocumentFrequency(index, term) * termWeight(term);
    total += weight;
    if (hit.queryTerms.includes(term)) {
      matched += index.vocabulary.has(term) ? weight : weight * APPROXIMATE_MATCH_CREDIT;
    }
  }
  return total === 0 ? 0 : matched / total;
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
  const { terms, hits } = findCandidates(index, question);
  const results: SearchResult[] = [];
  for (const hit of hits) {
    const coverage = coverageOf(index, terms, hit);
    if (coverage < minCoverage) continue;
    const passage = index.passages[hit.id as number];
    if (!passage) continue;
    results.push({ passage, score: hit.score, coverage, matchedTerms: hit.terms });
    if (results.length === limit) break;
  }
  return results;
}

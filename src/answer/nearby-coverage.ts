import type { SentenceFeatures } from "./passage-features.js";

/** What a hit matched: index terms, and the question terms (or synonyms) they stand for. */
export interface MatchedTerms {
  terms: readonly string[];
  queryTerms: readonly string[];
}

/** Question words count as near each other within this many adjacent sentences. */
export const NEARBY_SENTENCES = 2;

/**
 * The share of the question's information (as `coverageOf` measures it) that a passage matches
 * within its best stretch of NEARBY_SENTENCES adjacent sentences: at most its coverage, and equal
 * to it when every matched word is in that stretch. A passage that holds the question's words
 * together says something about them together; the same words scattered over unrelated sentences
 * (a quote pasted among other news, a list of headlines) may not. Two sentences, not one: news
 * often names the actor in one sentence and says what they did in the next.
 */
export function nearbyCoverage(
  sentences: readonly SentenceFeatures[],
  hit: MatchedTerms,
  coverageOf: (matched: { queryTerms: string[] }) => number,
): number {
  // Each question term matched as itself gets a bit; those matched only through a neighbour (a
  // misspelling's correction) share one, set in a sentence holding any of those neighbours.
  const indexTerms = new Set(hit.terms);
  const queried = new Set(hit.queryTerms);
  const bitOf = new Map<string, number>();
  const exact: string[] = [];
  for (const term of hit.queryTerms) {
    if (!indexTerms.has(term) || exact.length === 30) continue;
    bitOf.set(term, 1 << exact.length);
    exact.push(term);
  }
  const approximateBit = 1 << exact.length;
  for (const term of hit.terms) if (!queried.has(term)) bitOf.set(term, approximateBit);
  const approximate = hit.queryTerms.filter((term) => !indexTerms.has(term));

  const masks = sentences.map(({ terms }) => {
    let mask = 0;
    for (const term of terms) if (term !== null) mask |= bitOf.get(term) ?? 0;
    return mask;
  });
  // Coverage depends on which terms a stretch holds: measured once per distinct set.
  const measured = new Map<number, number>();
  let best = 0;
  for (let i = 0; i < masks.length; i++) {
    let mask = 0;
    for (let j = i; j < Math.min(masks.length, i + NEARBY_SENTENCES); j++)
      mask |= masks[j] as number;
    if (mask === 0 || measured.has(mask)) continue;
    const queryTerms = exact.filter((_, k) => mask & (1 << k));
    if (mask & approximateBit) queryTerms.push(...approximate);
    const coverage = coverageOf({ queryTerms });
    measured.set(mask, coverage);
    best = Math.max(best, coverage);
  }
  return best;
}

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
  const indexTerms = new Set(hit.terms);
  const exact = hit.queryTerms.filter((term) => indexTerms.has(term));
  // Question terms matched only through a neighbour (a misspelling's correction) are present in
  // a sentence when one of those neighbours is.
  const queried = new Set(hit.queryTerms);
  const approximate = hit.queryTerms.filter((term) => !indexTerms.has(term));
  const neighbours = new Set(hit.terms.filter((term) => !queried.has(term)));
  const matched = sentences.map(({ terms }) => {
    const present = new Set<string>();
    let near = false;
    for (const term of terms) {
      if (term === null) continue;
      present.add(term);
      if (neighbours.has(term)) near = true;
    }
    const found = exact.filter((term) => present.has(term));
    return near ? [...found, ...approximate] : found;
  });
  let best = 0;
  for (let i = 0; i < matched.length; i++) {
    const queryTerms = new Set<string>();
    for (let j = i; j < Math.min(matched.length, i + NEARBY_SENTENCES); j++)
      for (const term of matched[j] as string[]) queryTerms.add(term);
    if (queryTerms.size > 0) best = Math.max(best, coverageOf({ queryTerms: [...queryTerms] }));
  }
  return best;
}

// How sure an answer is rests on two measures of a hit against the question, kept together so
// they weigh words alike: coverage (the share of the question's information a hit matches) and
// information (how many rare words it matches).

import { inverseDocumentFrequency, type PassageIndex } from "../search/passage-index.js";
import type { Expansions } from "../search/search-passages.js";
import { absentWordWeight, isName, specificity } from "../text/english-frequency.js";
import { termWeight } from "../text/terms.js";

/**
 * A term found in at most this share of the passages counts as one whole rare word, whatever the
 * corpus's size; commoner ones count less. At 100 passages or fewer it is the rarest term.
 */
const RARE_SHARE = 0.01;
/**
 * What a word matched only approximately (a misspelling's neighbour, a fuzzy or prefix match)
 * counts for, in coverage and in information alike.
 */
export const APPROXIMATE_CREDIT = 0.8;

/**
 * A word the corpus lacks has the highest inverse document frequency there is; it counts for this
 * share of it, so one word of chat ("wording", "explainer") does not outweigh two that match.
 */
const UNKNOWN_WORD_SHARE = 0.5;

/** A question word matched through a synonym counts for this share of its weight. */
const EXPANSION_CREDIT = 0.7;

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
    const english = known
      ? specificity(word)
      : isName(word)
        ? 1
        : UNKNOWN_WORD_SHARE * absentWordWeight(word);
    const weight = inverseDocumentFrequency(index, term) * termWeight(term) * english;
    const credit = known ? 1 : APPROXIMATE_CREDIT;
    return { term, weight, matchedWeight: weight * credit, synonyms: expansions.get(term) ?? [] };
  });
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  return (hit: { queryTerms: readonly string[] }): number => {
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
 * How much of what is specific in a question a hit matches, in rare words: the inverse document
 * frequency of each question term it matches that the articles use, over that of a term found in
 * RARE_SHARE of the passages (one passage on a small corpus), at most one a term. Words the
 * articles lack add nothing and take nothing away.
 */
export function informationScorer(
  index: PassageIndex,
  terms: readonly string[],
  scale: (term: string) => number = () => 1,
) {
  const n = index.passages.length;
  // The rare-word unit: the inverse document frequency of a term in RARE_SHARE of the passages,
  // or in one passage when that is fewer. Against the rarest term of any size the unit would
  // grow with the corpus (log n), and the same question on the same article would earn less
  // information the more other news the index holds.
  const rare = Math.max(1, n * RARE_SHARE);
  const unit = Math.log(1 + (n - rare + 0.5) / (rare + 0.5));
  const rareWords = (idf: number) => Math.min(1, idf / unit);
  const weights = new Map<string, number>();
  const unknown = new Set<string>();
  for (const term of terms) {
    if (index.vocabulary.has(term))
      weights.set(
        term,
        rareWords(inverseDocumentFrequency(index, term)) * termWeight(term) * scale(term),
      );
    else unknown.add(term);
  }
  return (hit: { queryTerms: readonly string[]; terms: readonly string[] }): number => {
    if (unit <= 0) return 0;
    let information = 0;
    let approximate = 0;
    for (const term of hit.queryTerms) {
      information += weights.get(term) ?? 0;
      if (unknown.has(term)) approximate++;
    }
    // A misspelled word ("humanitarain") matched through its neighbours in the vocabulary counts
    // as they do on average, at the credit an approximate match gets.
    const neighbours = approximate > 0 ? hit.terms.filter((term) => !weights.has(term)) : [];
    if (neighbours.length > 0) {
      let sum = 0;
      for (const term of neighbours) sum += rareWords(inverseDocumentFrequency(index, term));
      information += (approximate * APPROXIMATE_CREDIT * sum) / neighbours.length;
    }
    return information;
  };
}

import lemmatizer from "wink-lemmatizer";
import type { PassageIndex } from "../search/passage-index.js";
import { processTerm } from "../text/terms.js";
import { wordnetSynonyms } from "../text/wordnet.js";

/** At most this many corpus terms stand in for one word the corpus lacks. */
const MAX_EXPANSIONS_PER_WORD = 4;

/** Synonyms looked up once per word: WordNet does not change while the bot runs. */
const synonymCache = new Map<string, string[]>();

function synonymsOf(word: string): string[] {
  let synonyms = synonymCache.get(word);
  if (!synonyms) {
    const lemmas = new Set([word, lemmatizer.noun(word), lemmatizer.verb(word)]);
    synonyms = [...new Set([...lemmas].flatMap((lemma) => wordnetSynonyms(lemma)))];
    synonymCache.set(word, synonyms);
  }
  return synonyms;
}

/**
 * For each question word the corpus lacks, the corpus terms of its WordNet synonyms ("insurgents"
 * → rebel, "oust" → expel), keyed by the word's own term. Multi-word synonyms are left out: their
 * words apart mean something else. An expansion only ever counts for a passage that also matches
 * one of the question's own words (see `coverageScorer` in answer/evidence-scores.ts), so a synonym alone never answers.
 */
export function expandQuestionWords(
  index: PassageIndex,
  words: ReadonlyMap<string, string>,
): Map<string, string[]> {
  const expansions = new Map<string, string[]>();
  for (const [term, word] of words) {
    if (index.vocabulary.has(term) || word.length < 3 || /\d/.test(word)) continue;
    const found: string[] = [];
    for (const synonym of synonymsOf(word)) {
      if (synonym.includes(" ") || synonym.includes("-")) continue;
      const synonymTerm = processTerm(synonym);
      if (synonymTerm === null || synonymTerm === term || found.includes(synonymTerm)) continue;
      if (index.documentFrequency.has(synonymTerm)) found.push(synonymTerm);
      if (found.length === MAX_EXPANSIONS_PER_WORD) break;
    }
    if (found.length > 0) expansions.set(term, found);
  }
  return expansions;
}

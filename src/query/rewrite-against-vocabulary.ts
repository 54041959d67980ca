import { countryOfPlaceWord } from "./place-names.js";

/** Says whether the corpus knows a word (as its index term). */
export type KnowsWord = (word: string) => boolean;

/**
 * Word-level rewrites of a normalised question toward the words the articles use, each only when
 * the question's own word is unknown to the corpus and the rewrite is known, so a rewrite never
 * replaces a word that already matches:
 * - two adjacent words joined when the joined form is a corpus word ("air base" → "airbase");
 * - a demonym or capital replaced by its country ("french" → "france", "ankara" → "turkey").
 */
export function rewriteAgainstVocabulary(question: string, knows: KnowsWord): string {
  const words = question.split(" ");
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1];
    const bare = word.replace(/^\W+|\W+$/g, "");
    if (next !== undefined && /^[a-z]+$/.test(bare)) {
      const nextBare = next.replace(/\W+$/g, "");
      const joined = bare + nextBare;
      if (/^[a-z]+$/.test(nextBare) && knows(joined)) {
        out.push(next.replace(nextBare, joined));
        i++;
        continue;
      }
    }
    const names = bare.length > 2 && !knows(bare) ? countryOfPlaceWord(bare) : undefined;
    const country = names?.find(knows);
    if (country) {
      out.push(word.replace(bare, country));
      continue;
    }
    out.push(word);
  }
  return out.join(" ");
}

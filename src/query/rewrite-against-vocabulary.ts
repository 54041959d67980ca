import { STOP_WORDS } from "../text/stop-words.js";
import { isNonWordChar, trimEdges } from "../text/trim-chars.js";
import { countryOfPlaceWord } from "./place-names.js";

/** Abbreviations of chat and headlines, in general English: "govt" → "government". */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  govt: "government",
  gov: "government",
  admin: "administration",
  intl: "international",
  dept: "department",
  pres: "president",
  mil: "military",
  amb: "ambassador",
  min: "minister",
  reps: "representatives",
  rep: "representative",
  natl: "national",
  info: "information",
  convo: "conversation",
  mgmt: "management",
};

const EX_PREFIX = /\bex[- ](?=[a-z])/g;
const LOWER_CASE_WORD = /^[a-z]+$/;

/** British and American endings, each way; each anchored at the end and at most a few letters long. */
const SPELLING_SWAPS: readonly [RegExp, string][] = [
  [/ence$/, "ense"],
  [/ense$/, "ence"],
  [/is(e|ed|es|ing|ation)$/, "iz$1"],
  [/iz(e|ed|es|ing|ation)$/, "is$1"],
  [/our(s|ed|ing)?$/, "or$1"],
  [/or(s|ed|ing)?$/, "our$1"],
  [/tre(s)?$/, "ter$1"],
  [/yse(d|s)?$/, "yze$1"],
];

/**
 * Other spellings of an unknown word, in the order tried: an abbreviation spelled out, a
 * gender-neutral title as the articles may write it ("spokesperson" → "spokesman"), British and
 * American spelling ("defence"/"defense", "organise"/"organize", "honour"/"honor").
 */
function variantsOf(word: string): string[] {
  const variants: string[] = [];
  const spelled = Object.hasOwn(ABBREVIATIONS, word) ? ABBREVIATIONS[word] : undefined;
  if (spelled) variants.push(spelled);
  if (word.endsWith("person")) {
    const stem = word.slice(0, -"person".length);
    variants.push(`${stem}man`, `${stem}woman`);
  }
  for (const [pattern, replacement] of SPELLING_SWAPS)
    if (pattern.test(word)) variants.push(word.replace(pattern, replacement));
  return variants;
}

/** Says whether the corpus knows a word (as its index term). */
export type KnowsWord = (word: string) => boolean;

/**
 * Word-level rewrites of a normalised question toward the words the articles use, each only when
 * the question's own word is unknown to the corpus and the rewrite is known, so a rewrite never
 * replaces a word that already matches:
 * - two adjacent words joined when the joined form is a corpus word ("air base" → "airbase"),
 *   unless one is a stop word: "un to", "in to" are not "unto", "into", whatever the corpus holds;
 * - a demonym or capital replaced by its country ("french" → "france", "ankara" → "turkey");
 * - "ex-" or "ex" before a word read as "former" ("ex-president" → "former president");
 * - an abbreviation, a gender-neutral title or another spelling (`variantsOf`).
 */
export function rewriteAgainstVocabulary(question: string, knows: KnowsWord): string {
  const words = question.replace(EX_PREFIX, "former ").split(" ");
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1];
    const bare = trimEdges(word, isNonWordChar);
    if (next !== undefined && LOWER_CASE_WORD.test(bare)) {
      const nextBare = trimEdges(next, () => false, isNonWordChar);
      const joined = bare + nextBare;
      if (
        LOWER_CASE_WORD.test(nextBare) &&
        !STOP_WORDS.has(bare) &&
        !STOP_WORDS.has(nextBare) &&
        knows(joined)
      ) {
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
    const variant = bare.length > 2 && !knows(bare) ? variantsOf(bare).find(knows) : undefined;
    out.push(variant ? word.replace(bare, variant) : word);
  }
  return out.join(" ");
}

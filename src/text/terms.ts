import MiniSearch from "minisearch";
import { stemmer } from "stemmer";
import lemmatizer from "wink-lemmatizer";
import { NEWSROOM_CHAT_WORDS } from "./newsroom-chat-words.js";
import { QUESTION_STOP_WORDS } from "./question-stop-words.js";
import { STOP_WORDS } from "./stop-words.js";
import { transliterationKey } from "./transliteration-key.js";

// Every choice about how text becomes index terms lives here, used alike at index and query time,
// so a question and a passage always meet on the same terms.

/** Splits text into words, as MiniSearch does: on white space and punctuation (so al-Assad → al, Assad). */
export const tokenize: (text: string) => string[] = MiniSearch.getDefault("tokenize");

/** Lowercase, strip diacritics and apostrophe variants: "Assad’s" and "assad's" fold the same. */
export function foldWord(word: string): string {
  return word.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** True when a word carries no meaning for search (a stop word, a single letter or mark). */
export function isStopWord(folded: string): boolean {
  return folded.length < 2 || STOP_WORDS.has(folded);
}

// Stemming is most of the cost of indexing and of reading passages at query time, and words repeat
// (Zipf): remembering each token's term makes both several times faster. Bounded: cleared when full.
const TERM_CACHE_LIMIT = 200_000;
const termCache = new Map<string, string | null>();
/**
 * Each folded word's term: a token's term depends on its folded form alone, so "Grants" and
 * "grants" are stemmed once, and the bot can fill this from the passages' folded words
 * (`warmTerm`) between requests. A question then never stems a passage's words: cold, they
 * were 4–7 µs each, up to 15 ms of a question reading 40 passages of a 100k corpus's rarer words.
 */
const foldedCache = new Map<string, string | null>();

/**
 * Turns one token into an index term: fold, drop stop words, Porter-stem so "granted" and "grant"
 * meet, then take the transliteration key so "Asad" and "Assad" meet. Returns null for tokens that should not be indexed or searched.
 */
export function processTerm(token: string): string | null {
  const cached = termCache.get(token);
  if (cached !== undefined) return cached;
  const term = termOfFolded(foldWord(token));
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(token, term);
  return term;
}

function termOfFolded(folded: string): string | null {
  let term = foldedCache.get(folded);
  if (term === undefined) {
    term = computeTerm(folded);
    if (foldedCache.size >= TERM_CACHE_LIMIT) foldedCache.clear();
    foldedCache.set(folded, term);
  }
  return term;
}

/**
 * Works out a folded word's term ahead of its first use (see `foldedCache`). Says whether it did;
 * "stop" once the cache is full, when warming more would only push out what it holds.
 */
export function warmTerm(folded: string): boolean | "stop" {
  if (foldedCache.has(folded)) return false;
  if (foldedCache.size >= TERM_CACHE_LIMIT - 1) return "stop";
  foldedCache.set(folded, computeTerm(folded));
  return true;
}

function computeTerm(folded: string): string | null {
  if (isStopWord(folded)) return null;
  // Numbers and short tokens are kept as they are: stemming "2015" or "us" only does harm.
  if (folded.length <= 3 || /\d/.test(folded)) return folded;
  // Irregular verb forms ("fell", "fled", "sought") meet their base form: the lemma's stem, when
  // Porter alone would keep them apart.
  const lemma = lemmatizer.verb(folded);
  const base = lemma !== folded && stemmer(lemma) !== stemmer(folded) ? lemma : folded;
  const stem = stemmer(base);
  // A stem of two letters is a different word ("used" → "us", the country): keep the word whole.
  if (stem.length < 3) return base;
  // English verbs in -de make nouns in -sion (decide/decision, invade/invasion, include/inclusion),
  // which Porter leaves apart (decid/decis). Bring the noun's stem to the verb's.
  if (/[^s]sion$/.test(folded) && stem.endsWith("s"))
    return transliterationKey(`${stem.slice(0, -1)}d`);
  return transliterationKey(stem);
}

/** The index terms of a text, in order, repeats included. */
export function termsOfText(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (term !== null) terms.push(term);
  }
  return terms;
}

/**
 * Index terms of words that carry little of a question's meaning but are not stop words: light
 * verbs and vague words ("give", "start", "happen", "long"). They still match, with a low weight,
 * so "when did the offensive start" is about "offensive", and a passage with "giving" does not
 * outrank one about the offensive.
 */
export const LIGHT_TERMS: ReadonlySet<string> = new Set(
  `give given start begin happen get make take go come put keep let mean think want need use find show try
  ask work seem feel leave call long many much still really thing way well even back next last new
  old big little kind lot part place point case fact go going done end know see look`
    .split(/\s+/)
    .filter((word) => word !== "")
    .map((word) => transliterationKey(stemmer(word))),
);

/** Index terms of the asker's own work in newsroom chat ("caption", "verbatim"): they count lightly. */
const CHAT_TERMS: ReadonlySet<string> = new Set(
  NEWSROOM_CHAT_WORDS.map((word) => transliterationKey(stemmer(word))),
);

/** How much a query term counts, relative to its usual weight. */
export function termWeight(term: string): number {
  return LIGHT_TERMS.has(term) || CHAT_TERMS.has(term) ? LIGHT_WEIGHT : 1;
}
/** What a light or chat term counts for: it still matches, but far less than a word of the topic. */
const LIGHT_WEIGHT = 0.25;

/**
 * Words that make one question word with a "how" before them ("how long", "how many"). There they
 * ask for a kind of answer, which the answer type captures, and are not a topic to match: "how
 * long was the family in power" is about the family and power, not about something long.
 */
const HOW_WORDS: ReadonlySet<string> = new Set([
  "long",
  "many",
  "much",
  "far",
  "old",
  "often",
  "soon",
]);

/** The distinct search terms of a question, in order. Empty when it is only stop words. */
export function queryTermsOf(question: string): string[] {
  return [...queryWordsOf(question).keys()];
}

/**
 * The distinct search terms of a question, in order, each with the word it came from (for how
 * common that word is in English). Words that only carry the asking in chat ("anyone",
 * "exactly", "will") are left out here, at query time only.
 */
export function queryWordsOf(question: string): Map<string, string> {
  const terms = new Map<string, string>();
  let previous = "";
  for (const token of tokenize(question)) {
    const folded = foldWord(token);
    const partOfHow = previous === "how" && HOW_WORDS.has(folded);
    if (token !== "") previous = folded;
    if (partOfHow || QUESTION_STOP_WORDS.has(folded)) continue;
    const term = processTerm(token);
    if (term !== null && !terms.has(term)) terms.set(term, folded);
  }
  return terms;
}

/**
 * How many edits a query term may be from an index term. Only terms the index does not know are
 * fuzzy: a known word is spelled right, and fuzzy expansion of common terms is the main cost of a
 * search. Short terms are never fuzzy: one edit turns "war" into "was".
 */
export function fuzzyDistance(term: string, known: boolean): number | false {
  if (known || term.length < 5) return false;
  return term.length >= 8 ? 2 : 1;
}

/** Unknown terms of four letters or more also match as prefixes: people type "Khmei" or "Lavr". */
export function usePrefix(term: string, known: boolean): boolean {
  return !known && term.length >= 4;
}

/** Field weights: a title adds a little to every passage of its article, never outweighs the text. */
export const FIELD_BOOSTS = { text: 1, title: 0.3, context: 0.5 } as const;

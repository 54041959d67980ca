import { processTerm, tokenize } from "../text/terms.js";
import type { AnswerType } from "./answer-type.js";

// A small rule set that says whether a sentence holds an answer of the expected type, and how
// close it is to the words the question matched. Rules, not a tagger: measured against the
// `compromise` tagger on the project's question set, the rules gave top-1 93.6% against 80.9% (the
// tagger finds a "person" in most news sentences, so it tells passages apart less), and ran about
// seven times faster (README, "Measured quality").

const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?";
const WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const TIME = new RegExp(
  `\\b(?:${MONTH} \\d{1,2}|\\d{1,2} ${MONTH}|${WEEKDAY}|(?:19|20)\\d{2}|yesterday|today|tonight|last (?:night|week|month|year)|(?:this|next) (?:morning|afternoon|evening|week)|midnight|since \\d+|\\d+ (?:days?|weeks?|months?|years?) ago)\\b`,
  "i",
);
const QUANTITY =
  /\b(?:\d[\d,.]*(?:-(?:year|day|month|week|hour)s?)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens?|hundreds?|thousands?|millions?|several|decades?|half)\b/i;
const REASON =
  /\b(?:because|due to|grounds|considerations?|reasons?|in order to|so that|guided by|as a result|motivated|to help|in support of|owing to|since)\b/i;
/** A capitalised word after a preposition of place: "in Moscow", "to Damascus". */
const PLACE_NAME =
  /\b(?:in|at|to|from|into|near|inside|across|toward|towards|including|of) (?:the )?\p{Lu}[\p{L}-]+/gu;
/** Words that speak of where something or someone is. */
const PLACE_WORD = /\b(?:whereabouts|location|located|presence)\b/i;
/** A list of capitalised names ("Aleppo, Hama, Homs"): often the answer to "which cities". */
const NAME_LIST = /\p{Lu}[\p{L}-]+(?:(?:,| and|, and) \p{Lu}[\p{L}-]+){2,}/u;
/** A name followed by what it is: "Ulyanov, Russia's envoy", "Ulyanov, who leads". */
const APPOSITIVE = /^, (?:\p{Lu}[\p{L}-]*['’]s|\p{Ll}+) /u;
/** Words that name a role: a sentence that has one names who acted. */
const ROLE =
  /\b(?:president|spokesman|spokeswoman|minister|ministry|envoy|diplomat|ambassador|kremlin|official|officials|agency|representative|source|parliamentarian|government|leader|leaders)\b/i;
/** Two or more capitalised words in a row: a name ("Vladimir Putin", "Mikhail Ulyanov"). */
const NAME = /\b\p{Lu}[\p{L}’'-]+(?: (?:al-|bin )?\p{Lu}[\p{L}’'-]+)+/u;
const PASSIVE_AUXILIARY = /\b(?:been|was|were|is|are|be|being|get|got)\s+(?:\w+\s+)?$/i;

export interface EvidenceOptions {
  type: AnswerType;
  /** Index terms the question matched in this sentence's passage. */
  matchedTerms: ReadonlySet<string>;
  /** The sentence's words, when the caller has them already. */
  words?: readonly string[];
}

/** Word positions in `sentence` whose index term is one of `terms`. */
function matchedPositions(words: readonly string[], terms: ReadonlySet<string>): number[] {
  const positions: number[] = [];
  words.forEach((word, i) => {
    const term = processTerm(word);
    if (term !== null && terms.has(term)) positions.push(i);
  });
  return positions;
}

/**
 * For "who did X": a name or role right before an active form of a matched word ("Putin
 * personally granted"), or after "by" following it ("was made by President Putin").
 */
function hasAgent(words: readonly string[], terms: ReadonlySet<string>): boolean {
  for (const position of matchedPositions(words, terms)) {
    const before = words.slice(Math.max(0, position - 4), position).join(" ");
    const beforeText = `${before} `;
    const nameBefore = /\p{Lu}[\p{L}]+ (?:\p{Ll}+ )?$/u.test(beforeText) || ROLE.test(before);
    if (nameBefore && !PASSIVE_AUXILIARY.test(beforeText)) return true;
    const after = words.slice(position + 1, position + 14).join(" ");
    if (/\bby (?:the )?(?:\p{Lu}|president|kremlin)/iu.test(after) && /\bby\b/.test(after)) {
      const byPhrase = after.slice(after.indexOf("by"));
      if (NAME.test(byPhrase) || ROLE.test(byPhrase)) return true;
    }
  }
  return false;
}

/** A matched name followed by an appositive, or with a role word right before it. */
function hasDescription(
  sentence: string,
  words: readonly string[],
  terms: ReadonlySet<string>,
): boolean {
  for (const position of matchedPositions(words, terms)) {
    const before = words.slice(Math.max(0, position - 3), position).join(" ");
    if (ROLE.test(before)) return true;
  }
  for (const match of sentence.matchAll(/[\p{L}’'-]+/gu)) {
    const term = processTerm(match[0]);
    if (term === null || !terms.has(term)) continue;
    const after = sentence.slice(match.index + match[0].length, match.index + match[0].length + 40);
    if (APPOSITIVE.test(after)) return true;
  }
  return false;
}

/**
 * How strongly a sentence holds an answer of the expected type: 1 when the answer stands right
 * by the matched words (an agent for "who"), 0.5 when the sentence has one, 0 when it has none.
 */
export function typeEvidence(
  sentence: string,
  { type, matchedTerms, words }: EvidenceOptions,
): number {
  const wordsOf = () => words ?? tokenize(sentence).filter((w) => w !== "");
  switch (type) {
    case "person":
      if (hasAgent(wordsOf(), matchedTerms)) return 1;
      return NAME.test(sentence) || ROLE.test(sentence) ? 0.5 : 0;
    case "time":
      return TIME.test(sentence) ? 1 : 0;
    case "quantity":
      return QUANTITY.test(sentence) ? 1 : 0;
    case "reason":
      return REASON.test(sentence) ? 1 : 0;
    case "place":
      if (NAME_LIST.test(sentence) || PLACE_WORD.test(sentence)) return 1;
      return (sentence.match(PLACE_NAME)?.length ?? 0) > 0 ? 0.5 : 0;
    case "definition":
      return hasDescription(sentence, wordsOf(), matchedTerms) ? 1 : 0;
  }
}

import lemmatizer from "wink-lemmatizer";
import type { Passage } from "../passages/passage.js";
import { englishZipf, isName } from "../text/english-frequency.js";
import { processTerm, tokenize } from "../text/terms.js";
import { oneOf, trimEdges } from "../text/trim-chars.js";
import { isNoun, isVerb } from "../text/wordnet.js";

/** A description the articles give a name: "Kremlin spokesman" for "Dmitry Peskov". */
export interface Alias {
  /** The describing words, folded: ["kremlin", "spokesman"]. */
  descriptor: string[];
  /** The name as written: "Dmitry Peskov". */
  name: string;
}

const WHITESPACE_RUN = /\s+/;
const CAPITALISED = /^[A-Z]/;
const NAME_PARTICLE = /^al-[A-Z]/;
const PLAIN_WORD = /^[A-Za-z-]+$/;
/** Quotation marks and brackets that open a word, and the punctuation that closes one. */
const isOpening = oneOf("“\"‘'([");
const isClosing = oneOf("”\"’',.;:)]!?");

/** A word news writes capitalised that is a name, not a title: "Dmitry", "TASS", "Peskov". */
function isNameWord(word: string): boolean {
  return CAPITALISED.test(word) && (isName(word) || englishZipf(word) === 0);
}

const DETERMINERS = new Set(["the", "a", "an", "his", "her", "its", "their", "former"]);

/**
 * Appositions mined from the articles: up to three describing words right before a name
 * ("Kremlin spokesman Dmitry Peskov", "the state news agency TASS", "ousted President Bashar
 * al-Assad"). Mined by code from any corpus: nothing here names this story.
 */
export function mineAliases(passages: readonly Passage[]): Alias[] {
  const found = new Map<string, Alias>();
  for (const passage of passages) {
    for (const sentence of passage.sentences) {
      const raw = sentence.split(WHITESPACE_RUN);
      const words = raw.map((w) => trimEdges(w, isOpening, isClosing));
      // A word that ends in punctuation ends a phrase: nothing after it describes it.
      const ends = raw.map((w) => isClosing(w.at(-1) ?? "") || isOpening(w.at(0) ?? ""));
      for (let i = 1; i < words.length; i++) {
        const first = words[i] as string;
        if (!isNameWord(first) || CALENDAR.has(first.toLowerCase())) continue;
        let end = i;
        while (
          !ends[end] &&
          end + 1 < words.length &&
          (isNameWord(words[end + 1] as string) || NAME_PARTICLE.test(words[end + 1] as string))
        )
          end++;
        const descriptor: string[] = [];
        for (let j = i - 1; j >= 0 && descriptor.length < 3; j--) {
          const word = words[j] as string;
          const folded = word.toLowerCase();
          if (ends[j] || !PLAIN_WORD.test(word) || DETERMINERS.has(folded)) break;
          if (processTerm(folded) === null) break;
          // The word next to the name says what it is: a noun ("spokesman", "agency").
          if (descriptor.length === 0 && !isTitleNoun(folded, words[j - 1])) break;
          descriptor.unshift(folded);
        }
        const name = words.slice(i, end + 1).join(" ");
        if (descriptor.length > 0)
          found.set(`${descriptor.join(" ")}|${name}`, { descriptor, name });
        i = end;
      }
    }
  }
  return [...found.values()];
}

/**
 * A noun that can stand before a name as a title: not an inflected verb ("left", "ending") nor a
 * verb after "to" ("to help Assad").
 */
function isTitleNoun(word: string, before: string | undefined): boolean {
  if (!isNoun(word) || lemmatizer.verb(word) !== word) return false;
  return !(before?.toLowerCase() === "to" && isVerb(word));
}

/** Days and months are capitalised but name no one. */
const CALENDAR = new Set(
  "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december".split(
    " ",
  ),
);

/** The aliases of a corpus by index terms: descriptor terms, and the name's terms they stand for. */
export interface EventLexicon {
  aliases: readonly Alias[];
  entries: readonly { descriptorTerms: string[]; nameTerms: string[] }[];
}

export function buildEventLexicon(passages: readonly Passage[]): EventLexicon {
  const aliases = mineAliases(passages);
  const entries = aliases.map((alias) => ({
    descriptorTerms: alias.descriptor.map(processTerm).filter((t): t is string => t !== null),
    nameTerms: tokenize(alias.name)
      .map(processTerm)
      .filter((t): t is string => t !== null),
  }));
  return { aliases, entries: entries.filter((e) => e.descriptorTerms.length > 0) };
}

type LexiconEntry = EventLexicon["entries"][number];
const entriesByHead = new WeakMap<EventLexicon, Map<string, number[]>>();

/**
 * The entries whose whole description the question has, in lexicon order: looked up by head term,
 * since on a large corpus the lexicon holds tens of thousands of entries (reading them all took
 * most of a question's time), and a common head term ("give") can head hundreds of them.
 */
function entriesDescribedIn(lexicon: EventLexicon, terms: ReadonlySet<string>): LexiconEntry[] {
  let byHead = entriesByHead.get(lexicon);
  if (!byHead) {
    const built = new Map<string, number[]>();
    lexicon.entries.forEach((entry, position) => {
      const head = entry.descriptorTerms[entry.descriptorTerms.length - 1] as string;
      const positions = built.get(head);
      if (positions) positions.push(position);
      else built.set(head, [position]);
    });
    byHead = built;
    entriesByHead.set(lexicon, byHead);
  }
  const positions: number[] = [];
  for (const term of terms)
    for (const position of byHead.get(term) ?? []) {
      const entry = lexicon.entries[position] as LexiconEntry;
      if (entry.descriptorTerms.every((t) => terms.has(t))) positions.push(position);
    }
  return positions
    .sort((a, b) => a - b)
    .map((position) => lexicon.entries[position] as LexiconEntry);
}

/**
 * For a question that uses a whole description the articles give a name ("the state news
 * agency"), the name's terms, keyed by the description's last (head) term: a passage that names
 * the agency instead of describing it then counts as matching the description.
 */
export function aliasExpansions(
  lexicon: EventLexicon,
  questionTerms: ReadonlySet<string>,
): Map<string, string[]> {
  const expansions = new Map<string, string[]>();
  for (const { descriptorTerms, nameTerms } of entriesDescribedIn(lexicon, questionTerms)) {
    const head = descriptorTerms[descriptorTerms.length - 1] as string;
    const list = expansions.get(head) ?? [];
    for (const term of nameTerms) if (!list.includes(term) && term !== head) list.push(term);
    expansions.set(head, list);
  }
  return expansions;
}

import MiniSearch, { type Options } from "minisearch";
import type { Passage } from "../passages/passage.js";
import { processTerm, tokenize } from "./text-processing.js";

/** What MiniSearch indexes for a passage: its position in `passages`, its text and its title. */
interface IndexedPassage {
  key: number;
  text: string;
  title: string;
}

/** The searchable form of a corpus: passages, their MiniSearch index and term statistics. */
export interface PassageIndex {
  passages: readonly Passage[];
  miniSearch: MiniSearch<IndexedPassage>;
  /** How many passages' text contains each index term: for inverse document frequency. */
  documentFrequency: ReadonlyMap<string, number>;
  /** Every index term, of texts and titles: a query term outside it is misspelled or absent. */
  vocabulary: ReadonlySet<string>;
}

export const MINISEARCH_OPTIONS: Options<IndexedPassage> = {
  idField: "key",
  fields: ["text", "title"],
  tokenize,
  processTerm,
};

function toIndexed(passage: Passage, key: number): IndexedPassage {
  return { key, text: passage.text, title: passage.title ?? "" };
}

function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (term !== null) terms.add(term);
  }
  return terms;
}

/**
 * Counts, for each index term, the passages whose text contains it. Titles are left out: a title
 * word is in every passage of its article, and counting it there would make "asylum" look common.
 */
export function countDocumentFrequency(passages: readonly Passage[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const passage of passages) {
    for (const term of termsOf(passage.text)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  return frequency;
}

/** Every term of the passages' texts and titles. */
export function collectVocabulary(
  passages: readonly Passage[],
  documentFrequency: ReadonlyMap<string, number>,
): Set<string> {
  const vocabulary = new Set(documentFrequency.keys());
  const titles = new Set(passages.map((passage) => passage.title ?? ""));
  for (const title of titles) for (const term of termsOf(title)) vocabulary.add(term);
  return vocabulary;
}

/** Indexes passages for search. */
export function buildPassageIndex(passages: readonly Passage[]): PassageIndex {
  const miniSearch = new MiniSearch<IndexedPassage>(MINISEARCH_OPTIONS);
  miniSearch.addAll(passages.map(toIndexed));
  const documentFrequency = countDocumentFrequency(passages);
  const vocabulary = collectVocabulary(passages, documentFrequency);
  return { passages, miniSearch, documentFrequency, vocabulary };
}

/** Inverse document frequency: rare terms say more about which passage answers. */
export function inverseDocumentFrequency(index: PassageIndex, term: string): number {
  const n = index.passages.length;
  const df = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

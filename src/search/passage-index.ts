import type MiniSearch from "minisearch";
import type { Options } from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import type { Passage } from "../passages/passage.js";
import { FIELD_BOOSTS, processTerm, termsOfText, tokenize } from "../text/terms.js";
import {
  buildChampionLists,
  type ChampionIndex,
  fieldDocumentFrequency,
} from "./champion-lists.js";
import { indexDocuments } from "./index-documents.js";
import { pronounContexts } from "./pronoun-context.js";

/** What MiniSearch indexes for a passage: its position in `passages`, its text and its title. */
interface IndexedPassage {
  key: number;
  text: string;
  title: string;
  /** What a passage opening "He …" points back to, for search only (see pronoun-context.ts). */
  context: string;
}

/** The searchable form of a corpus: passages, their MiniSearch index and term statistics. */
export interface PassageIndex {
  passages: readonly Passage[];
  miniSearch: MiniSearch<IndexedPassage>;
  /** How many passages' text contains each index term: for inverse document frequency. */
  documentFrequency: ReadonlyMap<string, number>;
  /**
   * Every index term, of texts and titles, as a radix tree: a query term outside it is misspelled
   * or absent, and the tree finds its fuzzy and prefix neighbours.
   */
  vocabulary: SearchableMap<true>;
  /** On a large corpus, each term's passages where it weighs most (empty on a small one). */
  championLists: ChampionIndex;
  /**
   * What the layers above derive from the passages (the news reading, suggested questions), built
   * with the index and stored in its file (see `Derivation` in index-store.ts); absent when the
   * index was built without it.
   */
  derived?: unknown;
  /**
   * Read from its file without the search index (see `ReadOptions.withoutSearch`): the passages
   * and what was derived from them serve `timeline`, `sources` and `who`; searching it throws.
   */
  withoutSearch?: true;
}

export const MINISEARCH_OPTIONS: Options<IndexedPassage> = {
  idField: "key",
  fields: ["text", "title", "context"],
  tokenize,
  processTerm,
};

function toIndexed(passage: Passage, key: number, context = ""): IndexedPassage {
  return { key, text: passage.text, title: passage.title ?? "", context };
}

/**
 * Counts, for each index term, the passages whose text contains it. Titles are left out: a title
 * word is in every passage of its article, and counting it there would make "asylum" look common.
 * The index reads the same counts from MiniSearch's postings (`fieldDocumentFrequency`); this is
 * the reference they are tested against.
 */
export function countDocumentFrequency(passages: readonly Passage[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const passage of passages) {
    for (const term of new Set(termsOfText(passage.text))) {
      frequency.set(term, (frequency.get(term) ?? 0) + 1);
    }
  }
  return frequency;
}

/** Every term of the passages' texts and titles. */
export function collectVocabulary(
  passages: readonly Passage[],
  documentFrequency: ReadonlyMap<string, number>,
): SearchableMap<true> {
  const vocabulary = new SearchableMap<true>();
  for (const term of documentFrequency.keys()) vocabulary.set(term, true);
  const titles = new Set(passages.map((passage) => passage.title ?? ""));
  for (const title of titles) for (const term of termsOfText(title)) vocabulary.set(term, true);
  return vocabulary;
}

/** Indexes passages for search. */
export function buildPassageIndex(passages: readonly Passage[]): PassageIndex {
  const contexts = pronounContexts(passages);
  const miniSearch = indexDocuments(
    MINISEARCH_OPTIONS,
    passages.map((passage, key) => toIndexed(passage, key, contexts[key])),
  );
  // Read from the postings just built: tokenising and stemming every passage a second time was
  // 3.5 of a 100k build's 23 s.
  return assembleIndex(passages, miniSearch, fieldDocumentFrequency(miniSearch, "text"));
}

/**
 * An index from its passages, their MiniSearch index and document frequencies, however these were
 * had (built here, or read from a prebuilt file): the parts derived from them are derived alike.
 */
export function assembleIndex(
  passages: readonly Passage[],
  miniSearch: MiniSearch<IndexedPassage>,
  documentFrequency: ReadonlyMap<string, number>,
  /** Champion lists read with the index (a prebuilt file's), taken as they are. */
  championLists?: ChampionIndex,
): PassageIndex {
  return {
    passages,
    miniSearch,
    documentFrequency,
    vocabulary: collectVocabulary(passages, documentFrequency),
    championLists: championLists ?? buildChampionLists(miniSearch, passages.length, FIELD_BOOSTS),
  };
}

/** Inverse document frequency: rare terms say more about which passage answers. */
export function inverseDocumentFrequency(index: PassageIndex, term: string): number {
  const n = index.passages.length;
  const df = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

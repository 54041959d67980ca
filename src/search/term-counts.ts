import type MiniSearch from "minisearch";
import { internalsOf, type MiniSearchInternals } from "./minisearch-internals.js";

/** Where the counts of a passage's terms are read (`TextTermCounts` reads the index's postings). */
export interface TermCountSource {
  /** The key the passage at `position` has in the postings (read once a passage). */
  keyOf(position: number): number;
  /** A term's count in each passage, by key (a passage missing holds none); null when none does. */
  postingsOf(term: string): ReadonlyMap<number, number> | null;
}

/** Terms whose postings a `TextTermCounts` remembers at most. */
const POSTINGS_REMEMBERED = 20_000;

/**
 * How many times a term occurs in a passage's text, read from MiniSearch's postings: a hash lookup,
 * where counting it again would tokenise and stem the passage. Answering asks this of hundreds of
 * passages a question (how well a sentence sits in each passage that holds a copy of it), and at
 * 100k passages most of those are copies no cache has seen.
 */
export class TextTermCounts implements TermCountSource {
  private readonly internals: MiniSearchInternals;
  private readonly textField: number | undefined;
  /** Passage position → MiniSearch's short id (-1 when the index does not hold it). */
  private readonly shortIdOf: Int32Array;
  /**
   * Each term's text postings as last looked up: the vocabulary's radix tree costs a microsecond
   * or more a look-up, and the answer sentences of one question, and of the next, share most of
   * their words. Bounded: cleared when full.
   */
  private readonly postings = new Map<string, ReadonlyMap<number, number> | null>();

  // biome-ignore lint/suspicious/noExplicitAny: the counts read the index, whatever documents it holds
  constructor(miniSearch: MiniSearch<any>, passages: number) {
    this.internals = internalsOf(miniSearch);
    this.textField = this.internals._fieldIds.text;
    this.shortIdOf = new Int32Array(passages).fill(-1);
    for (const [shortId, id] of this.internals._documentIds)
      if (typeof id === "number" && id >= 0 && id < passages) this.shortIdOf[id] = shortId;
  }

  /** The passage's key in the postings: MiniSearch's short id (-1 when the index lacks it). */
  keyOf(position: number): number {
    return this.shortIdOf[position] ?? -1;
  }

  /** The term's count in the text of each passage, by key (`keyOf`); null when no text holds it. */
  postingsOf(term: string): ReadonlyMap<number, number> | null {
    let postings = this.postings.get(term);
    if (postings === undefined) {
      postings =
        (this.textField === undefined
          ? undefined
          : this.internals._index.get(term)?.get(this.textField)) ?? null;
      if (this.postings.size >= POSTINGS_REMEMBERED) this.postings.clear();
      this.postings.set(term, postings);
    }
    return postings;
  }
}

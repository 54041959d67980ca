import type { EventLexicon } from "../query/event-lexicon.js";
import type { PassageIndex } from "../search/passage-index.js";
import { SearchScratch } from "../search/search-passages.js";
import { TextTermCounts } from "../search/term-counts.js";
import { PassageFeatureCache } from "./passage-features.js";

/** A question the articles answer confidently, with the terms of the passage that answers it. */
export interface Suggestion {
  question: string;
  answerTerms: ReadonlySet<string>;
}

/**
 * What answering derives from one index and keeps while that index is served: each is read from
 * every passage (seconds at 100k passages) or allocated per passage, so it is made once, or taken
 * from the index file where it was stored (requests/desk-data.ts), never once per question. The
 * serving index holds one (requests/serving-index.ts) and passes it to every answer; a reload
 * makes a new one with the new index, so nothing of the old is kept. A call given none makes a
 * fresh one for itself, which is right for a single question (the terminal, a test) and slow for
 * many.
 */
export class IndexCaches {
  /** Terms the articles use only in the names of who reports (see `sourceOnlyTerms`). */
  sourceOnly: ReadonlySet<string> | undefined;
  /** The folded words of the passages as written: what a question's rewrite may aim at. */
  surface: ReadonlySet<string> | undefined;
  /** Aliases mined from the passages ("Kremlin spokesman" → a name). */
  lexicon: EventLexicon | undefined;
  /** The questions the articles answer, best first (see suggest-questions.ts). */
  suggestionPool: readonly Suggestion[] | undefined;
  /** The first `count` of the pool, by count: help and the suggested prompts ask for the same. */
  readonly suggestions = new Map<number, string[]>();
  /** Each passage's sentence terms and shingles, least recently used forgotten first. */
  readonly features = new PassageFeatureCache();
  /** The search's accumulators, one per passage. */
  readonly search = new SearchScratch();
  private counts: TextTermCounts | undefined;

  constructor(readonly index: PassageIndex) {}

  /** How many times a term occurs in each passage's text, read from the index. */
  get termCounts(): TextTermCounts {
    this.counts ??= new TextTermCounts(this.index.miniSearch, this.index.passages.length);
    return this.counts;
  }
}

/** `caches` when they are `index`'s, fresh ones when none are given. */
export function cachesFor(index: PassageIndex, caches: IndexCaches | undefined): IndexCaches {
  if (caches === undefined) return new IndexCaches(index);
  if (caches.index !== index) throw new Error("index-caches: these caches belong to another index");
  return caches;
}

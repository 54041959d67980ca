import type { Passage } from "../passages/passage.js";
import { shinglesOf } from "../text/shingles.js";
import { processTerm, tokenize } from "../text/terms.js";
import { LruCache } from "./lru-cache.js";

/** A sentence's words, and the index term of each (null for a stop word). */
export interface SentenceFeatures {
  words: string[];
  terms: (string | null)[];
}

/** What answering derives from a passage's text, whatever the question. */
export interface PassageFeatures {
  sentences: SentenceFeatures[];
  /** Word 3-grams, for duplicate merging. */
  shingles: Set<number>;
}

/** Passages remembered: a few MiB, and more than the candidates of the questions in a busy hour. */
export const PASSAGE_FEATURE_CACHE_SIZE = 4_096;

/**
 * Remembers the features of the passages answers were last drawn from, least recently used
 * forgotten first. Every question tokenises the sentences of its ~20 candidates and shingles their
 * text; the same few passages answer most questions, and their text never changes, so the work is
 * done once per passage instead of once per question. On the real corpus it is most of the time
 * an answer takes beyond the search itself.
 */
export class PassageFeatureCache {
  private readonly entries: LruCache<Passage, PassageFeatures>;
  /** Shared word numbering, so that shingles of different passages compare. */
  private readonly wordIds = new Map<string, number>();

  constructor(size = PASSAGE_FEATURE_CACHE_SIZE) {
    this.entries = new LruCache(size);
  }

  get(passage: Passage): PassageFeatures {
    return this.entries.get(passage, () => ({
      sentences: passage.sentences.map((sentence) => {
        const words = tokenize(sentence).filter((word) => word !== "");
        return { words, terms: words.map(processTerm) };
      }),
      shingles: shinglesOf(passage.text, this.wordIds),
    }));
  }
}

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
}

/** Passages remembered: a few MiB, and more than the candidates of the questions in a busy hour. */
export const PASSAGE_FEATURE_CACHE_SIZE = 4_096;

/** The words and index terms of one sentence. */
export function sentenceFeatures(sentence: string): SentenceFeatures {
  const words = tokenize(sentence).filter((word) => word !== "");
  return { words, terms: words.map(processTerm) };
}

/**
 * Remembers the features of the passages answers were last drawn from, least recently used
 * forgotten first. Every question tokenises the sentences of its ~20 candidates and shingles the
 * few it compares; the same few passages answer most questions, and their text never changes, so
 * the work is done once per passage instead of once per question. On the real corpus it is most of
 * the time an answer takes beyond the search itself. Shingles are kept apart and made only when
 * asked for: most passages a question reads are never compared with another.
 */
export class PassageFeatureCache {
  private readonly entries: LruCache<Passage, PassageFeatures>;
  private readonly shingleSets: LruCache<Passage, Set<number>>;
  /** Shared word numbering, so that shingles of different passages compare. */
  private readonly wordIds = new Map<string, number>();

  constructor(size = PASSAGE_FEATURE_CACHE_SIZE) {
    this.entries = new LruCache(size);
    this.shingleSets = new LruCache(size);
  }

  get(passage: Passage): PassageFeatures {
    return this.entries.get(passage, () => ({
      sentences: passage.sentences.map(sentenceFeatures),
    }));
  }

  /** The passage's word 3-grams, for duplicate merging. */
  shingles(passage: Passage): Set<number> {
    return this.shingleSets.get(passage, () => shinglesOf(passage.text, this.wordIds));
  }

  /**
   * The passage's word 3-grams for one comparison: remembered ones if they are, else made and not
   * remembered. A question compares many passing copies once each; keeping them would fill the
   * cache with passages no answer quotes, and every one kept is work for the garbage collector.
   */
  shinglesOnce(passage: Passage): Set<number> {
    return this.shingleSets.peek(passage) ?? shinglesOf(passage.text, this.wordIds);
  }
}

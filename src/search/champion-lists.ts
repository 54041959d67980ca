import type { Passage } from "../passages/passage.js";

// Champion lists (Manning, Raghavan & Schütze, "Introduction to Information Retrieval", §7.1.3):
// for each term that is in very many passages, keep only the passages where it weighs most. A query
// made of common terms then reads a few hundred postings instead of a large share of the corpus.

/** Below this many passages every term is searched in full: it is fast, and exact. */
export const CHAMPION_MIN_PASSAGES = 5_000;
/** Terms in more than this share of passages get a champion list; rarer ones are searched in full. */
export const CHAMPION_MIN_SHARE = 0.02;
/** Passages kept per common term. */
export const CHAMPION_SIZE = 400;
// BM25's usual constants, as MiniSearch uses them.
const K1 = 1.2;
const B = 0.7;

/** For one term: passage positions and their BM25 term-frequency weight, best first. */
export interface ChampionList {
  ids: number[];
  weights: number[];
}

/** BM25's term-frequency part: how much a term weighs in a passage, before its rarity. */
export function termFrequencyWeight(
  frequency: number,
  length: number,
  averageLength: number,
): number {
  return (frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * length) / averageLength));
}

/** A bounded min-heap on weight: keeps the `size` heaviest entries pushed into it. */
class TopK {
  readonly ids: number[] = [];
  readonly weights: number[] = [];
  constructor(private readonly size: number) {}

  push(id: number, weight: number): void {
    if (this.ids.length < this.size) {
      this.ids.push(id);
      this.weights.push(weight);
      this.siftUp(this.ids.length - 1);
    } else if (weight > (this.weights[0] as number)) {
      this.ids[0] = id;
      this.weights[0] = weight;
      this.siftDown(0);
    }
  }

  /** The entries, heaviest first (ties by position, so lists are deterministic). */
  sorted(): ChampionList {
    const order = this.ids.map((_, i) => i);
    order.sort(
      (a, b) =>
        (this.weights[b] as number) - (this.weights[a] as number) ||
        (this.ids[a] as number) - (this.ids[b] as number),
    );
    return {
      ids: order.map((i) => this.ids[i] as number),
      weights: order.map((i) => this.weights[i] as number),
    };
  }

  private swap(a: number, b: number): void {
    [this.ids[a], this.ids[b]] = [this.ids[b] as number, this.ids[a] as number];
    [this.weights[a], this.weights[b]] = [this.weights[b] as number, this.weights[a] as number];
  }

  private less(a: number, b: number): boolean {
    const wa = this.weights[a] as number;
    const wb = this.weights[b] as number;
    return wa < wb || (wa === wb && (this.ids[a] as number) > (this.ids[b] as number));
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.ids.length && this.less(left, smallest)) smallest = left;
      if (right < this.ids.length && this.less(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}

/** The document frequency above which a term gets a champion list, for a corpus of `passages`. */
export function championThreshold(passages: number): number {
  return passages < CHAMPION_MIN_PASSAGES
    ? Number.POSITIVE_INFINITY
    : passages * CHAMPION_MIN_SHARE;
}

/**
 * Builds champion lists for every term in more than `minDf` passages. `termsOf` gives a passage's
 * index terms, repeats included.
 */
export function buildChampionLists(
  passages: readonly Passage[],
  termsOf: (text: string) => string[],
  documentFrequency: ReadonlyMap<string, number>,
  minDf = championThreshold(passages.length),
  size = CHAMPION_SIZE,
): Map<string, ChampionList> {
  const common = new Map<string, TopK>();
  for (const [term, df] of documentFrequency) if (df > minDf) common.set(term, new TopK(size));
  if (common.size === 0) return new Map();
  const lengths = passages.map((p) => termsOf(p.text).length);
  const averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  passages.forEach((passage, id) => {
    const counts = new Map<string, number>();
    for (const term of termsOf(passage.text))
      if (common.has(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, frequency] of counts) {
      common
        .get(term)
        ?.push(id, termFrequencyWeight(frequency, lengths[id] as number, averageLength));
    }
  });
  return new Map([...common].map(([term, top]) => [term, top.sorted()]));
}

// biome-ignore lint/suspicious/noExplicitAny: the lists read the index, whatever documents it holds
type AnyMiniSearch = MiniSearch<any>;

import type MiniSearch from "minisearch";
import { internalsOf, type MiniSearchInternals } from "./minisearch-internals.js";

// Impact-ordered champion lists (Manning, Raghavan & Schütze, "Introduction to Information
// Retrieval", §7.1.3 and §7.1.5): for every term, the passages where it weighs most, best first,
// with the weight (its "impact": MiniSearch's own BM25+ score of the term in the passage, fields
// and boosts included) precomputed. A question then reads at most CHAMPION_SIZE postings a term
// instead of MiniSearch walking every posting of every term, and a candidate that a list left out
// is scored exactly by a lookup in MiniSearch's index (no re-tokenising of passage text).
//
// The lists are derived from MiniSearch's index itself, after it is built or loaded: nothing
// extra is stored in the prebuilt index file, and they always agree with it.

/** Below this many passages every question is searched by MiniSearch in full: fast, and exact. */
export const CHAMPION_MIN_PASSAGES = 5_000;
/**
 * Postings kept per term, best first. A term in more passages than this reads only its best ones;
 * a rarer term's list is complete. Sized so that the passages that answer (where a question's
 * words weigh most) survive: see docs/performance.md for the sweep.
 */
export const CHAMPION_SIZE = 1_500;

/** MiniSearch's BM25+ constants (its defaults, which the project keeps). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** One term's postings: passage positions and their impact, best first. */
export interface ChampionList {
  ids: Int32Array;
  impacts: Float32Array;
  /** True when the list holds every passage with the term. */
  complete: boolean;
}

/** Thrown when the index holds documents the lists cannot place (ids that are not positions). */
export class ChampionListError extends Error {
  constructor(message: string) {
    super(`champion-lists: ${message}`);
    this.name = "ChampionListError";
  }
}

/** MiniSearch's BM25+ for one field (its `calcBM25Score`). */
function bm25(
  termFrequency: number,
  matching: number,
  total: number,
  length: number,
  average: number,
): number {
  const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  const { k, b, d } = BM25;
  return (
    idf * (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * length) / average)))
  );
}

/** Keeps the `size` largest impacts pushed, as parallel arrays (a min-heap on impact). */
function topImpacts(ids: Int32Array, impacts: Float32Array, size: number): ChampionList {
  if (ids.length <= size) return sortByImpact(ids, impacts, true);
  const order = Array.from(ids.keys()).sort(
    (a, b) =>
      (impacts[b] as number) - (impacts[a] as number) || (ids[a] as number) - (ids[b] as number),
  );
  const kept = order.slice(0, size);
  return {
    ids: Int32Array.from(kept, (i) => ids[i] as number),
    impacts: Float32Array.from(kept, (i) => impacts[i] as number),
    complete: false,
  };
}

function sortByImpact(ids: Int32Array, impacts: Float32Array, complete: boolean): ChampionList {
  const order = Array.from(ids.keys()).sort(
    (a, b) =>
      (impacts[b] as number) - (impacts[a] as number) || (ids[a] as number) - (ids[b] as number),
  );
  return {
    ids: Int32Array.from(order, (i) => ids[i] as number),
    impacts: Float32Array.from(order, (i) => impacts[i] as number),
    complete,
  };
}

/**
 * Every term's best postings, and exact impacts on demand. Built from a MiniSearch index whose
 * document ids are passage positions; `boosts` are the field boosts searches use.
 */
export class ChampionLists {
  private readonly lists = new Map<string, ChampionList>();
  private readonly internals: MiniSearchInternals;
  private readonly fields: [fieldId: number, boost: number][];
  /** Passage position → MiniSearch's short id, and back. */
  private readonly shortIdOf: Int32Array;
  private readonly positionOf: Int32Array;
  private readonly lengthsByField = new Map<number, Float32Array>();
  /** Each passage's length in each boosted field, by short id: a posting's read without a lookup. */
  private readonly lengthsByShortId = new Map<number, Float64Array>();
  /** Per-passage sums while one term's list is built, zeroed after each term. */
  private readonly scratch: Float64Array;
  private readonly seen: number[] = [];
  /** Postings kept per term. */
  private readonly keep: number;

  constructor(
    miniSearch: AnyMiniSearch,
    passages: number,
    boosts: Readonly<Record<string, number>>,
    size = CHAMPION_SIZE,
    /** Build no list: `fromStored` fills them from a prebuilt file. */
    empty = false,
  ) {
    this.internals = internalsOf(miniSearch);
    const { _fieldIds, _documentIds } = this.internals;
    this.fields = Object.entries(boosts)
      .filter(([field]) => _fieldIds[field] !== undefined)
      .map(([field, boost]) => [_fieldIds[field] as number, boost]);
    let maxShort = 0;
    for (const shortId of _documentIds.keys()) maxShort = Math.max(maxShort, shortId);
    this.shortIdOf = new Int32Array(passages).fill(-1);
    this.positionOf = new Int32Array(maxShort + 1).fill(-1);
    for (const [shortId, id] of _documentIds) {
      if (typeof id !== "number" || id < 0 || id >= passages) {
        throw new ChampionListError(`document id ${String(id)} is not a passage position`);
      }
      this.shortIdOf[id] = shortId;
      this.positionOf[shortId] = id;
    }
    this.scratch = new Float64Array(maxShort + 1);
    this.keep = size;
    for (const [fieldId] of this.fields) {
      const byShortId = new Float64Array(maxShort + 1);
      for (const [shortId, lengths] of this.internals._fieldLength)
        if (shortId <= maxShort) byShortId[shortId] = lengths[fieldId] ?? 0;
      this.lengthsByShortId.set(fieldId, byShortId);
      // By position, for `impactOf`: read here, so a loaded index's first question does not.
      this.fieldLengths(fieldId);
    }
    if (!empty)
      for (const [term, data] of this.internals._index.entries()) this.addTerm(term, data);
  }

  private addTerm(term: string, data: Map<number, Map<number, number>>): void {
    const { scratch, seen } = this;
    for (const [fieldId, boost] of this.fields) {
      const postings = data.get(fieldId);
      if (!postings) continue;
      const lengths = this.lengthsByShortId.get(fieldId) as Float64Array;
      for (const [shortId, tf] of postings) {
        if (scratch[shortId] === 0) seen.push(shortId);
        scratch[shortId] =
          (scratch[shortId] as number) +
          boost * this.fieldImpact(fieldId, postings.size, tf, lengths[shortId] as number);
      }
    }
    const ids = new Int32Array(seen.length);
    const impacts = new Float32Array(seen.length);
    seen.forEach((shortId, i) => {
      ids[i] = this.positionOf[shortId] as number;
      impacts[i] = scratch[shortId] as number;
      scratch[shortId] = 0;
    });
    seen.length = 0;
    if (ids.length > 0) this.lists.set(term, topImpacts(ids, impacts, this.keep));
  }

  /**
   * Lists stored with the index they were built from (see prebuilt-index.ts), taken as they are: a
   * load reads them instead of scoring every posting and sorting the longest lists again.
   */
  static fromStored(
    miniSearch: AnyMiniSearch,
    passages: number,
    boosts: Readonly<Record<string, number>>,
    lists: Iterable<[string, ChampionList]>,
  ): ChampionLists {
    const stored = new ChampionLists(miniSearch, passages, boosts, CHAMPION_SIZE, true);
    for (const [term, list] of lists) stored.lists.set(term, list);
    return stored;
  }

  /** Every term's list, for storing with the index. */
  entries(): IterableIterator<[string, ChampionList]> {
    return this.lists.entries();
  }

  /** How many terms have a list. */
  get size(): number {
    return this.lists.size;
  }

  get(term: string): ChampionList | undefined {
    return this.lists.get(term);
  }

  /**
   * The impact of a term in any passage, exactly (0 when the passage lacks it): the term is looked
   * up once, then each passage costs a hash lookup a field, with no text read.
   */
  impactOf(term: string): (id: number) => number {
    const data = this.internals._index.get(term);
    if (!data) return () => 0;
    const { _documentCount, _avgFieldLength } = this.internals;
    const fields = this.fields.flatMap(([fieldId, boost]) => {
      const postings = data.get(fieldId);
      if (!postings) return [];
      const idf = Math.log(1 + (_documentCount - postings.size + 0.5) / (postings.size + 0.5));
      const lengths = this.fieldLengths(fieldId);
      const average = _avgFieldLength[fieldId] ?? 1;
      return [{ postings, weight: boost * idf, lengths, average }];
    });
    const { k, b, d } = BM25;
    return (id) => {
      const shortId = this.shortIdOf[id];
      if (shortId === undefined || shortId < 0) return 0;
      let impact = 0;
      for (const { postings, weight, lengths, average } of fields) {
        const tf = postings.get(shortId);
        if (tf === undefined) continue;
        const length = lengths[id] as number;
        impact += weight * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / average)));
      }
      return impact;
    };
  }

  /** Each passage's length in one field, by position (read from MiniSearch once). */
  private fieldLengths(fieldId: number): Float32Array {
    let lengths = this.lengthsByField.get(fieldId);
    if (!lengths) {
      lengths = new Float32Array(this.shortIdOf.length);
      for (let id = 0; id < lengths.length; id++) {
        lengths[id] = this.internals._fieldLength.get(this.shortIdOf[id] as number)?.[fieldId] ?? 0;
      }
      this.lengthsByField.set(fieldId, lengths);
    }
    return lengths;
  }

  /** Postings held across all lists: the lists' memory is 8 bytes each. */
  postings(): number {
    let total = 0;
    for (const list of this.lists.values()) total += list.ids.length;
    return total;
  }

  private fieldImpact(fieldId: number, matching: number, tf: number, length: number): number {
    const { _avgFieldLength, _documentCount } = this.internals;
    return bm25(tf, matching, _documentCount, length, _avgFieldLength[fieldId] ?? 1);
  }
}

/** No lists: a small corpus, searched by MiniSearch in full. */
export const NO_CHAMPION_LISTS = {
  size: 0,
  get: (_term: string): ChampionList | undefined => undefined,
  impactOf: (_term: string) => (_id: number) => 0,
  postings: () => 0,
};

/** What search reads of the lists. */
export type ChampionIndex = Pick<ChampionLists, "size" | "get" | "impactOf" | "postings">;

/** Champion lists for a corpus of `passages`, or none when it is small enough to search in full. */
export function buildChampionLists(
  miniSearch: AnyMiniSearch,
  passages: number,
  boosts: Readonly<Record<string, number>>,
  options: { minPassages?: number; size?: number } = {},
): ChampionIndex {
  const { minPassages = CHAMPION_MIN_PASSAGES, size = CHAMPION_SIZE } = options;
  if (passages < minPassages) return NO_CHAMPION_LISTS;
  return new ChampionLists(miniSearch, passages, boosts, size);
}

/**
 * How many documents hold each term in one field, read from MiniSearch's own postings: what
 * tokenising every document's field again would count, without the second pass over the text.
 */
export function fieldDocumentFrequency(
  miniSearch: AnyMiniSearch,
  field: string,
): Map<string, number> {
  const { _index, _fieldIds } = internalsOf(miniSearch);
  const fieldId = _fieldIds[field];
  const frequency = new Map<string, number>();
  if (fieldId === undefined) return frequency;
  for (const [term, data] of _index.entries()) {
    const postings = data.get(fieldId);
    if (postings && postings.size > 0) frequency.set(term, postings.size);
  }
  return frequency;
}

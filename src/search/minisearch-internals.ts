import type MiniSearch from "minisearch";

// MiniSearch keeps no public way to read its postings or to fill an index term by term, so the
// champion lists (which re-score its BM25+ from the postings) and the prebuilt index (which loads
// terms line by line, skipping what a request does not need) read and write its private maps.
// They do it only through this accessor, and test/search/minisearch-pin.test.ts pins the version
// and fails on an upgrade that moves them.

/** One term's postings: field id -> short document id -> term frequency. */
export type TermPostings = Map<number, Map<number, number>>;

/** The private fields of MiniSearch 7 this project reads or fills (its serialised form has the same). */
export interface MiniSearchInternals {
  _index: {
    get(term: string): TermPostings | undefined;
    set(term: string, data: TermPostings): unknown;
    entries(): Iterable<[string, TermPostings]>;
  };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _documentCount: number;
  _nextId: number;
  _storedFields: Map<number, unknown>;
}

/** Thrown when the MiniSearch in use does not have the private fields this project reads. */
export class MiniSearchInternalsError extends Error {
  readonly code = "MINISEARCH_INTERNALS";
  constructor() {
    super(
      "minisearch-internals: this MiniSearch lacks the index internals (7.x expected; see test/search/minisearch-pin.test.ts)",
    );
    this.name = "MiniSearchInternalsError";
  }
}

/** MiniSearch's private maps, checked once for the shapes this project reads and fills. */
// biome-ignore lint/suspicious/noExplicitAny: the internals are the same whatever documents it holds
export function internalsOf(miniSearch: MiniSearch<any>): MiniSearchInternals {
  const internals = miniSearch as unknown as Partial<MiniSearchInternals>;
  if (
    typeof internals._index?.get !== "function" ||
    typeof internals._index.set !== "function" ||
    typeof internals._index.entries !== "function" ||
    typeof internals._fieldIds !== "object" ||
    internals._fieldIds === null ||
    !(internals._fieldLength instanceof Map) ||
    !Array.isArray(internals._avgFieldLength) ||
    !(internals._documentIds instanceof Map) ||
    !(internals._idToShortId instanceof Map) ||
    typeof internals._documentCount !== "number" ||
    typeof internals._nextId !== "number" ||
    !(internals._storedFields instanceof Map)
  )
    throw new MiniSearchInternalsError();
  return internals as MiniSearchInternals;
}

/**
 * Fills an index's document maps, as MiniSearch's own loading would: each short id's document id
 * (both ways) and field lengths. For an index whose postings are filled term by term (built, or
 * read from a prebuilt file) rather than through `addAll` or `loadJS`.
 */
export function fillDocuments(
  maps: MiniSearchInternals,
  documentIds: Iterable<[number, unknown]>,
  fieldLength: Iterable<[number, number[]]>,
): void {
  for (const [shortId, id] of documentIds) {
    maps._documentIds.set(shortId, id);
    maps._idToShortId.set(id, shortId);
  }
  for (const [shortId, lengths] of fieldLength) maps._fieldLength.set(shortId, lengths);
}

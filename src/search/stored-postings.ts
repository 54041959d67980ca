import type MiniSearch from "minisearch";
import { inSlices } from "../threads/in-slices.js";
import { internalsOf, type TermPostings } from "./minisearch-internals.js";

// At 100k passages MiniSearch's postings are millions of map entries: building them all is most
// of a prebuilt index's load and of the collector's work, yet one question of the CLI reads the
// postings of a handful of terms (MiniSearch's own search is not used above the champion lists'
// threshold, and the lists are stored). A term's postings can then stay its file line, a single
// string the collector never walks, decoded into the maps MiniSearch expects on first use.

/** A term's stored form: [term, field id, [short id, frequency, …], field id, […], …]. */
export type StoredTerm = [string, ...(number | number[])[]];

/** Thrown when a term's line, decoded late, is not what the writer wrote. */
export class StoredPostingsError extends Error {
  readonly code = "STORED_POSTINGS";
  constructor(term: string) {
    super(`stored-postings: the index file's line for "${term}" is malformed`);
    this.name = "StoredPostingsError";
  }
}

/** A stored term's postings as MiniSearch keeps them; null when the line is malformed. */
export function postingsOf(line: StoredTerm): TermPostings | null {
  const data: TermPostings = new Map();
  if (!fillPostings(data, line)) return null;
  return data;
}

function fillPostings(data: TermPostings, line: StoredTerm): boolean {
  for (let i = 1; i + 1 < line.length; i += 2) {
    const fieldId = line[i];
    const flat = line[i + 1];
    if (typeof fieldId !== "number" || !Array.isArray(flat)) return false;
    const postings = new Map<number, number>();
    for (let j = 0; j + 1 < flat.length; j += 2)
      postings.set(flat[j] as number, flat[j + 1] as number);
    data.set(fieldId, postings);
  }
  return true;
}

/**
 * The term a stored line starts with, read without parsing the rest: `["term",…`. Terms are
 * JSON strings, so the first unescaped quote after the opening one ends it. Null when the line
 * does not start so.
 */
export function termOfLine(line: string): string | null {
  if (!line.startsWith('["')) return null;
  let end = 2;
  while (end < line.length) {
    const c = line.charCodeAt(end);
    if (c === 0x22) break; // "
    end += c === 0x5c ? 2 : 1; // a backslash escapes what follows
  }
  if (end >= line.length) return null;
  const term: unknown = JSON.parse(line.slice(1, end + 1));
  return typeof term === "string" ? term : null;
}

/**
 * A term's postings that stay their file line until first read: every Map method MiniSearch and
 * the champion lists use decodes the line first, so it behaves as the map it stands for.
 */
export class StoredPostings extends Map<number, Map<number, number>> {
  private line: string | null;

  constructor(line: string) {
    super();
    this.line = line;
  }

  /** True while the postings are still their file line. */
  get stored(): boolean {
    return this.line !== null;
  }

  /** Decodes the line into the maps it stands for, once. */
  decode(): void {
    if (this.line === null) return;
    const line = this.line;
    this.line = null;
    const parsed = JSON.parse(line) as StoredTerm;
    const filled = new Map() as TermPostings;
    if (!fillPostings(filled, parsed)) throw new StoredPostingsError(String(parsed[0]));
    for (const [fieldId, postings] of filled) super.set(fieldId, postings);
  }

  override get size(): number {
    this.decode();
    return super.size;
  }
  override get(fieldId: number): Map<number, number> | undefined {
    this.decode();
    return super.get(fieldId);
  }
  override has(fieldId: number): boolean {
    this.decode();
    return super.has(fieldId);
  }
  override set(fieldId: number, postings: Map<number, number>): this {
    this.decode();
    return super.set(fieldId, postings);
  }
  override delete(fieldId: number): boolean {
    this.decode();
    return super.delete(fieldId);
  }
  override clear(): void {
    this.line = null;
    super.clear();
  }
  override forEach(
    callback: (
      value: Map<number, number>,
      key: number,
      map: Map<number, Map<number, number>>,
    ) => void,
    thisArg?: unknown,
  ): void {
    this.decode();
    super.forEach(callback, thisArg);
  }
  override entries(): MapIterator<[number, Map<number, number>]> {
    this.decode();
    return super.entries();
  }
  override keys(): MapIterator<number> {
    this.decode();
    return super.keys();
  }
  override values(): MapIterator<Map<number, number>> {
    this.decode();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    return this.entries();
  }
}

/**
 * Decodes, a slice of a few milliseconds at a time, every term's postings an index read with
 * `lazyPostings` still keeps as its line. The bot's serving thread reads lazily to be ready sooner
 * (at 100k passages the decode is over a second of its start and 90 MiB of its heap), then decodes
 * the rest between questions: a question waits for one slice at most, and soon no question pays a
 * common term's first decode (8–12 ms at 100k). Resolves with how many lines it decoded; rejects
 * with the first malformed line (StoredPostingsError), leaving the rest as they are.
 */
// biome-ignore lint/suspicious/noExplicitAny: the postings are the same whatever documents it holds
export function decodeInSlices(miniSearch: MiniSearch<any>, sliceMs = 4): Promise<number> {
  const decode = ([, postings]: [string, TermPostings]) => {
    if (!(postings instanceof StoredPostings && postings.stored)) return false;
    postings.decode();
    return true;
  };
  return inSlices(internalsOf(miniSearch)._index.entries(), decode, sliceMs);
}

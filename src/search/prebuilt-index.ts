import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { finished } from "node:stream/promises";
import MiniSearch from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import type { Passage } from "../passages/passage.js";
import { STOP_WORDS } from "../text/stop-words.js";
import { FIELD_BOOSTS, LIGHT_TERMS, processTerm } from "../text/terms.js";
import {
  CHAMPION_MIN_PASSAGES,
  CHAMPION_SIZE,
  type ChampionList,
  ChampionLists,
  NO_CHAMPION_LISTS,
} from "./champion-lists.js";
import { fileLines } from "./file-lines.js";
import {
  fillDocuments,
  internalsOf,
  type MiniSearchInternals,
  type TermPostings,
} from "./minisearch-internals.js";
import { assembleIndex, MINISEARCH_OPTIONS, type PassageIndex } from "./passage-index.js";
import { postingsOf, StoredPostings, type StoredTerm, termOfLine } from "./stored-postings.js";
import { appendRun, toRuns } from "./stored-runs.js";

// A prebuilt index is only right for the term processing that built it. The signature changes
// when stop words, name variants, light terms, boosts or the stemmer's output change, and a
// prebuilt index with another signature is rebuilt rather than trusted.
const PROBE_WORDS =
  "granted decisions Khmeimim Tartous humanitarian considerations al-Assad’s running fled used";

export function processingSignature(): string {
  const probe = PROBE_WORDS.split(" ").map(processTerm);
  return createHash("sha256")
    .update(
      JSON.stringify([
        9, // bump when the file layout or term processing changes
        [...STOP_WORDS],
        [...LIGHT_TERMS],
        FIELD_BOOSTS,
        probe,
      ]),
    )
    .digest("hex")
    .slice(0, 16);
}

type MiniSearchJson = ReturnType<MiniSearch["toJSON"]>;

/** The lists of the header written in runs after it, in this order (see stored-runs.ts). */
const HEADER_LISTS = ["documentFrequency", "documentIds", "fieldLength"] as const;
type HeaderList = (typeof HEADER_LISTS)[number];

/**
 * The first line of an index file. Then come the runs of its long lists, the passages, the index
 * terms, the champion lists (on a corpus large enough to have them), what was derived from the
 * passages, and the trailer (`IndexTrailer`). Champion lists are stored because deriving them
 * scored every posting of every term and sorted the longest lists whole: 2.6 s of a 100k-passage
 * load, in blocks of up to 100 ms.
 */
interface IndexHeader {
  signature: string;
  corpus: string;
  passages: number;
  terms: number;
  /** Lines after the terms: each term's champion list, and the list size they were cut to. */
  champions: { lines: number; size: number };
  /** How many lines each of `HEADER_LISTS` takes. */
  runs: Record<HeaderList, number>;
  /** MiniSearch's serialised form less its index terms, document ids and field lengths. */
  miniSearch: Omit<MiniSearchJson, "index" | "documentIds" | "fieldLength">;
}

/**
 * The last line: how many lines of derived data come before it. Not in the header, so the index's
 * own lines are written while what is derived from it is still being built (in its worker), and a
 * file cut short is still told from a whole one.
 */
interface IndexTrailer {
  end: true;
  derived: number;
}

const isTrailer = (value: unknown, derived: number) =>
  typeof value === "object" &&
  value !== null &&
  (value as IndexTrailer).end === true &&
  (value as IndexTrailer).derived === derived;

interface HeaderLists {
  documentFrequency: [string, number][];
  /** MiniSearch's [short id, passage position] pairs. */
  documentIds: [number, number][];
  /** MiniSearch's [short id, field lengths] pairs. */
  fieldLength: [number, number[]][];
}

/**
 * A passage: [id or 0 for `<article id>#<position>`, article id, position, section, text,
 * sentences, source]. Sentences are their lengths when the text is their join (a reader slices
 * them from the text, which V8 keeps as views of it, not copies), their texts otherwise. The
 * source ([title, outlet, url, published, copyOf?]) is left out when the previous passage has the
 * same, so an article's source is read once and its strings shared by its passages.
 */
type StoredPassage = [
  string | 0,
  string,
  number,
  string | null,
  string,
  number[] | string[],
  StoredSource?,
];
type StoredSource = [string | null, string | null, string | null, string | null, string?];

function sourceOf(passage: Passage): StoredSource {
  const source: StoredSource = [passage.title, passage.outlet, passage.url, passage.published];
  if (passage.copyOf !== undefined) source.push(passage.copyOf);
  return source;
}

const sameSource = (a: StoredSource | undefined, b: StoredSource) =>
  a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

function storePassage(passage: Passage, previous: StoredSource | undefined): StoredPassage {
  const { id, articleId, position, section, text, sentences } = passage;
  const joined = sentences.join(" ") === text;
  const source = sourceOf(passage);
  const line: StoredPassage = [
    id === `${articleId}#${position}` ? 0 : id,
    articleId,
    position,
    section,
    text,
    joined ? sentences.map((s) => s.length) : sentences,
  ];
  if (!sameSource(previous, source)) line.push(source);
  return line;
}

function readPassage(line: StoredPassage, previous: Passage | undefined): Passage | null {
  const [id, articleId, position, section, text, sentenceParts, source] = line;
  if (typeof text !== "string" || !Array.isArray(sentenceParts)) return null;
  let sentences: string[];
  if (sentenceParts.length > 0 && typeof sentenceParts[0] === "number") {
    sentences = [];
    let start = 0;
    for (const length of sentenceParts as number[]) {
      sentences.push(text.slice(start, start + length));
      start += length + 1;
    }
  } else sentences = sentenceParts as string[];
  const from = source ?? (previous ? sourceOf(previous) : undefined);
  if (from === undefined) return null;
  const [title, outlet, url, published, copyOf] = from;
  return {
    id: id === 0 ? `${articleId}#${position}` : id,
    articleId,
    position,
    section,
    text,
    sentences,
    title,
    outlet,
    url,
    published,
    ...(copyOf !== undefined ? { copyOf } : {}),
  };
}

/**
 * A term's line, straight from MiniSearch's maps: fields and postings in ascending id order, as
 * its serialised form (`toJSON`) has them, without building that form's object per term first.
 */
function storeTerm(term: string, data: TermPostings): StoredTerm {
  const line: StoredTerm = [term];
  for (const fieldId of [...data.keys()].sort((a, b) => a - b)) {
    const postings = data.get(fieldId) as Map<number, number>;
    const flat: number[] = [];
    let ascending = true;
    for (const [shortId, frequency] of postings) {
      if (flat.length > 0 && shortId < (flat[flat.length - 2] as number)) ascending = false;
      flat.push(shortId, frequency);
    }
    line.push(fieldId, ascending ? flat : sortedPairs(flat));
  }
  return line;
}

/** [id, value, id, value, …] by ascending id. */
function sortedPairs(flat: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2)
    pairs.push([flat[i] as number, flat[i + 1] as number]);
  return pairs.sort((a, b) => a[0] - b[0]).flat();
}

/** A champion list: [term, 1 when complete else 0, ids, impacts], the arrays' bytes in base64. */
type StoredChampion = [string, number, string, string];

const base64Of = (array: Int32Array | Float32Array) =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");

/** How much memory the champion lists' arrays are carved from at a time. */
const CARVE_BYTES = 4 * 1024 * 1024;

/**
 * Hands out the champion lists' arrays as views of a few large buffers, each list's bytes decoded
 * from base64 straight into place: two array buffers a term (100k at 100k passages), each with its
 * own allocation and external-memory bookkeeping, cost the load time and collections.
 */
class ArrayCarver {
  private chunk = Buffer.alloc(0);
  private used = 0;

  /** `base64` decoded into 4-byte-aligned memory of its own; null when it is not whole 4-byte items. */
  decode(base64: string): Buffer | null {
    const bytes = Buffer.byteLength(base64, "base64");
    if (bytes % 4 !== 0) return null;
    let into: Buffer;
    if (bytes > CARVE_BYTES) into = Buffer.allocUnsafeSlow(bytes);
    else {
      if (this.used + bytes > this.chunk.length) {
        // Its own ArrayBuffer at offset 0, so every view carved at a multiple of 4 is aligned.
        this.chunk = Buffer.allocUnsafeSlow(CARVE_BYTES);
        this.used = 0;
      }
      into = this.chunk.subarray(this.used, this.used + bytes);
      this.used += bytes;
    }
    return into.write(base64, "base64") === bytes ? into : null;
  }
}

function storeChampion([term, list]: [string, ChampionList]): StoredChampion {
  return [term, list.complete ? 1 : 0, base64Of(list.ids), base64Of(list.impacts)];
}

function readChampion(line: StoredChampion, carver: ArrayCarver): [string, ChampionList] | null {
  const [term, complete, ids, impacts] = line;
  if (typeof term !== "string" || typeof ids !== "string" || typeof impacts !== "string")
    return null;
  const idBytes = carver.decode(ids);
  const impactBytes = carver.decode(impacts);
  if (!idBytes || !impactBytes || idBytes.length !== impactBytes.length) return null;
  const length = idBytes.length / 4;
  return [
    term,
    {
      ids: new Int32Array(idBytes.buffer, idBytes.byteOffset, length),
      impacts: new Float32Array(impactBytes.buffer, impactBytes.byteOffset, length),
      complete: complete === 1,
    },
  ];
}

/**
 * A line already in JSON, written as it is: what a worker stringified (the news reading) is not
 * parsed and stringified again on the writing thread.
 */
export class JsonLine {
  constructor(readonly json: string) {}
}

/**
 * A derived line's JSON text: the line itself as the file holds it (a string), or a `JsonLine`'s;
 * null for a line that is a value (as a derivation stores it before it is written).
 */
export function jsonTextOf(line: unknown): string | null {
  if (typeof line === "string") return line;
  return line instanceof JsonLine ? line.json : null;
}

/** A derived line's value, parsed when it is JSON text (see `jsonTextOf`). */
export function derivedLineValue(line: unknown): unknown {
  const text = jsonTextOf(line);
  return text === null ? line : JSON.parse(text);
}

// The file is newline-delimited JSON rather than one JSON document: a large corpus's index is
// longer than the longest string V8 can hold, and lines let it be written and read in pieces.
// Every line is short (a passage, a term, a run of a list), so each parse holds the loop briefly.

/**
 * Writes the index for a corpus, atomically (a reader never sees half a file). Returns its size.
 * `derived` may still be in the making: the index's own lines are written meanwhile.
 */
export async function writeIndexFile(
  index: PassageIndex,
  corpusHash: string,
  file: string,
  derived: readonly unknown[] | Promise<readonly unknown[]> = [],
): Promise<number> {
  // Awaited once the index's lines are written; a failure before then is not unhandled.
  if (derived instanceof Promise) derived.catch(() => {});
  const maps = internalsOf(index.miniSearch);
  // What MiniSearch's toJSON gives less its index, ids and lengths, which follow in runs and lines.
  const miniSearch: IndexHeader["miniSearch"] = {
    documentCount: maps._documentCount,
    nextId: maps._nextId,
    fieldIds: maps._fieldIds,
    averageFieldLength: maps._avgFieldLength,
    storedFields: Object.fromEntries(maps._storedFields),
    dirtCount: index.miniSearch.dirtCount,
    serializationVersion: 2,
  };
  const byId = <T>(entries: Iterable<[number, T]>) => [...entries].sort((a, b) => a[0] - b[0]);
  const lists: HeaderLists = {
    documentFrequency: [...index.documentFrequency],
    documentIds: byId(maps._documentIds) as [number, number][],
    fieldLength: byId(maps._fieldLength),
  };
  const runs = HEADER_LISTS.map((name) => toRuns<unknown>(lists[name]));
  const champions =
    index.championLists instanceof ChampionLists ? [...index.championLists.entries()] : [];
  const header: IndexHeader = {
    signature: processingSignature(),
    corpus: corpusHash,
    passages: index.passages.length,
    terms: index.miniSearch.termCount,
    champions: { lines: champions.length, size: CHAMPION_SIZE },
    runs: Object.fromEntries(HEADER_LISTS.map((name, i) => [name, runs[i]?.length ?? 0])) as Record<
      HeaderList,
      number
    >,
    miniSearch,
  };
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(temporary);
  const write = (value: unknown) =>
    out.write(`${value instanceof JsonLine ? value.json : JSON.stringify(value)}\n`)
      ? Promise.resolve()
      : once(out, "drain").then(() => undefined);
  try {
    await write(header);
    for (const run of runs.flat()) await write(run);
    let previous: StoredSource | undefined;
    for (const passage of index.passages) {
      await write(storePassage(passage, previous));
      previous = sourceOf(passage);
    }
    for (const [term, data] of maps._index.entries()) await write(storeTerm(term, data));
    for (const champion of champions) await write(storeChampion(champion));
    const lines = await derived;
    for (const line of lines) await write(line);
    const trailer: IndexTrailer = { end: true, derived: lines.length };
    await write(trailer);
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
  await rename(temporary, file);
  return (await stat(file)).size;
}

/** An index as read from its file, with the derived lines stored after it. */
export interface ReadIndex {
  index: PassageIndex;
  /**
   * The derived lines as their JSON text, parsed by the derivation that wrote them: it may need
   * few of them (a question's answer reads the news reading of its own passages, not 100k lines).
   */
  derived: string[];
}

/** What of a file is read. */
export interface ReadOptions {
  /**
   * Read the passages and the derived lines only, leaving the search index's lines (term
   * statistics, terms, champion lists) undecoded: for a request that never searches (`timeline`,
   * `sources`, `who` a known person), which then reads a third of the file's lines and builds none
   * of MiniSearch's maps. The index is marked `withoutSearch`, and searching it throws.
   */
  withoutSearch?: boolean;
  /**
   * Keep each term's postings as its line until a search first reads them (see
   * stored-postings.ts): for the CLI, whose one question reads a few terms' postings, and for the
   * bot, whose serving thread is ready sooner and decodes the rest between questions
   * (`decodeInSlices`).
   */
  lazyPostings?: boolean;
}

/**
 * Reads an index written by writeIndexFile; null if it was built for another corpus or code. Read
 * in one go, with blocking reads: the bot reads in its serving thread, which serves nothing until
 * the index is read (the thread serving before it goes on meanwhile), and the CLI serves nothing
 * else either.
 */
export async function readIndexFile(
  file: string,
  corpusHash: string | null,
  options: ReadOptions = {},
): Promise<ReadIndex | null> {
  const { withoutSearch = false, lazyPostings = false } = options;
  // Which lines hold the search index: known once the header is read.
  let searchLines = (_line: number) => false;
  const lines = fileLines(file, {
    skip: (line) => withoutSearch && searchLines(line),
  });
  let header: IndexHeader | undefined;
  const lists: HeaderLists = { documentFrequency: [], documentIds: [], fieldLength: [] };
  let listRuns = 0;
  let listRunsRead = 0;
  const passages: Passage[] = [];
  let miniSearch: PassageIndex["miniSearch"] | undefined;
  let maps: MiniSearchInternals | undefined;
  let terms = 0;
  const champions: [string, ChampionList][] = [];
  const derived: string[] = [];
  let championsSkipped = 0;
  const carver = new ArrayCarver();
  // Where the next line belongs, from the lines read so far: the file's parts come in this order.
  const sectionNow = (): "header" | "lists" | "passages" | "terms" | "champions" | "derived" => {
    if (header === undefined) return "header";
    if (listRunsRead < listRuns) return "lists";
    if (passages.length < header.passages) return "passages";
    if (terms < header.terms) return "terms";
    if (champions.length + championsSkipped < header.champions.lines) return "champions";
    return "derived";
  };
  // MiniSearch's maps, made at the first term: the lists they hold come before the terms.
  const termIndex = () => {
    if (miniSearch === undefined || maps === undefined) {
      miniSearch = MiniSearch.loadJS(
        { ...(header as IndexHeader).miniSearch, index: [], documentIds: {}, fieldLength: {} },
        MINISEARCH_OPTIONS,
      );
      maps = internalsOf(miniSearch);
      fillDocuments(maps, lists.documentIds, lists.fieldLength);
    }
    return maps._index;
  };
  for (const line of lines) {
    const section = sectionNow();
    if (line === null) {
      // A search line left unread: counted where it belongs, so the file's shape is still checked.
      if (section === "lists") listRunsRead++;
      else if (section === "terms") terms++;
      else if (section === "champions") championsSkipped++;
      else return null;
      continue;
    }
    if (section === "derived") {
      derived.push(line);
      continue;
    }
    if (section === "terms" && lazyPostings) {
      const term = termOfLine(line);
      if (term === null) return null;
      termIndex().set(term, new StoredPostings(line));
      terms++;
      continue;
    }
    const value: unknown = JSON.parse(line);
    if (section === "header") {
      header = value as IndexHeader;
      if (header.signature !== processingSignature()) return null;
      if (corpusHash !== null && header.corpus !== corpusHash) return null;
      if (typeof header.runs !== "object" || header.runs === null) return null;
      if (typeof header.champions?.lines !== "number") return null;
      listRuns = HEADER_LISTS.reduce((sum, name) => sum + (header?.runs[name] ?? 0), 0);
      const termsFrom = 1 + listRuns + header.passages;
      const termsTo = termsFrom + header.terms + header.champions.lines;
      searchLines = (n) => (n >= 1 && n <= listRuns) || (n >= termsFrom && n < termsTo);
    } else if (section === "lists") {
      if (!appendRun<unknown>(lists[listOfRun(header as IndexHeader, listRunsRead)], value))
        return null;
      listRunsRead++;
    } else if (section === "passages") {
      const passage = readPassage(value as StoredPassage, passages[passages.length - 1]);
      if (passage === null) return null;
      passages.push(passage);
    } else if (section === "terms") {
      const data = postingsOf(value as StoredTerm);
      if (data === null) return null;
      termIndex().set((value as StoredTerm)[0], data);
      terms++;
    } else {
      const champion = readChampion(value as StoredChampion, carver);
      if (champion === null) return null;
      champions.push(champion);
    }
  }
  // The trailer, last, counts the derived lines: a file cut short or added to is not read.
  const trailer = derived.pop();
  if (trailer === undefined || !isTrailer(JSON.parse(trailer), derived.length)) return null;
  if (
    header === undefined ||
    listRunsRead !== listRuns ||
    passages.length !== header.passages ||
    terms !== header.terms ||
    champions.length + championsSkipped !== header.champions.lines
  )
    return null;
  miniSearch ??= MiniSearch.loadJS(
    { ...header.miniSearch, index: [], documentIds: {}, fieldLength: {} },
    MINISEARCH_OPTIONS,
  );
  if (withoutSearch) {
    const index: PassageIndex = {
      passages,
      miniSearch,
      documentFrequency: new Map(),
      vocabulary: new SearchableMap(),
      championLists: NO_CHAMPION_LISTS,
      withoutSearch: true,
    };
    return { index, derived };
  }
  const frequency = new Map(lists.documentFrequency);
  // Lists cut to another size, or for a corpus now too small to have them, are built anew.
  const stored =
    champions.length > 0 &&
    header.champions.size === CHAMPION_SIZE &&
    passages.length >= CHAMPION_MIN_PASSAGES
      ? ChampionLists.fromStored(miniSearch, passages.length, FIELD_BOOSTS, champions)
      : undefined;
  const index = assembleIndex(passages, miniSearch, frequency, stored);
  return { index, derived };
}

/** Which header list the `run`th run after the header belongs to. */
function listOfRun(header: IndexHeader, run: number): HeaderList {
  let before = 0;
  for (const name of HEADER_LISTS) {
    before += header.runs[name];
    if (run < before) return name;
  }
  return HEADER_LISTS[HEADER_LISTS.length - 1] as HeaderList;
}

import { createHash } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { finished } from "node:stream/promises";
import MiniSearch from "minisearch";
import type { Passage } from "../passages/passage.js";
import { assembleIndexSliced, MINISEARCH_OPTIONS, type PassageIndex } from "./passage-index.js";
import { STOP_WORDS } from "./stop-words.js";
import { FIELD_BOOSTS, LIGHT_TERMS, processTerm } from "./text-processing.js";
import { TimeSlicer } from "./time-slicer.js";

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
        7, // bump when the file layout or term processing changes
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

/**
 * The first line of an index file; the lines after it hold passages and index terms. Champion
 * lists are not stored: they are derived from the index terms on load (see champion-lists.ts).
 */
interface IndexHeader {
  signature: string;
  corpus: string;
  passages: number;
  terms: number;
  /** Lines after the terms: what was derived from the passages (see `Derivation`), as stored. */
  derived: number;
  documentFrequency: [string, number][];
  miniSearch: Omit<MiniSearchJson, "index">;
}

// The file is newline-delimited JSON rather than one JSON document: a large corpus's index is
// longer than the longest string V8 can hold, and lines let it be written and read in pieces.

/** Writes the index for a corpus, atomically (a reader never sees half a file). Returns its size. */
export async function writeIndexFile(
  index: PassageIndex,
  corpusHash: string,
  file: string,
  derived: readonly unknown[] = [],
): Promise<number> {
  const { index: terms, ...miniSearch } = index.miniSearch.toJSON();
  const header: IndexHeader = {
    signature: processingSignature(),
    corpus: corpusHash,
    passages: index.passages.length,
    terms: terms.length,
    derived: derived.length,
    documentFrequency: [...index.documentFrequency],
    miniSearch,
  };
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(temporary);
  const write = (value: unknown) =>
    out.write(`${JSON.stringify(value)}\n`)
      ? Promise.resolve()
      : once(out, "drain").then(() => undefined);
  await write(header);
  // Sentences are stored; each passage's text is their join, rebuilt on load.
  for (const { text: _text, ...passage } of index.passages) await write(passage);
  for (const entry of terms) await write(entry);
  for (const line of derived) await write(line);
  out.end();
  await finished(out);
  await rename(temporary, file);
  return (await stat(file)).size;
}

/** An index as read from its file, with the derived lines stored after it. */
export interface ReadIndex {
  index: PassageIndex;
  derived: unknown[];
}

/**
 * Reads an index written by writeIndexFile; null if it was built for another corpus or code. The
 * read is cut into slices that give the event loop a turn whenever `slicer`'s budget has run, so a
 * reload never holds up the requests the bot serves meanwhile.
 */
export async function readIndexFile(
  file: string,
  corpusHash: string | null,
  slicer = new TimeSlicer(),
): Promise<ReadIndex | null> {
  const lines = createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let header: IndexHeader | undefined;
  const passages: Passage[] = [];
  const terms: MiniSearchJson["index"] = [];
  const derived: unknown[] = [];
  for await (const line of lines) {
    await slicer.pause();
    if (header === undefined) {
      header = JSON.parse(line) as IndexHeader;
      if (header.signature !== processingSignature()) break;
      if (corpusHash !== null && header.corpus !== corpusHash) break;
    } else if (passages.length < header.passages) {
      const passage = JSON.parse(line) as Omit<Passage, "text">;
      passages.push({ ...passage, text: passage.sentences.join(" ") });
    } else if (terms.length < header.terms) {
      terms.push(JSON.parse(line));
    } else if (derived.length < header.derived) {
      derived.push(JSON.parse(line));
    } else {
      return null; // more lines than the header says: not a file this code wrote
    }
  }
  lines.close();
  if (
    header === undefined ||
    passages.length !== header.passages ||
    terms.length !== header.terms ||
    derived.length !== header.derived
  )
    return null;
  if (header.signature !== processingSignature()) return null;
  // The async load yields every thousand terms: the bot answers /health while a large index loads.
  const miniSearch = await MiniSearch.loadJSAsync(
    { ...header.miniSearch, index: terms },
    MINISEARCH_OPTIONS,
  );
  const frequency = new Map(header.documentFrequency);
  const index = await assembleIndexSliced(passages, miniSearch, frequency, slicer);
  return { index, derived };
}

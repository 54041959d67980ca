import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import MiniSearch from "minisearch";
import { loadCorpus } from "../corpus/load-corpus.js";
import type { Passage } from "../passages/passage.js";
import { splitIntoPassages } from "../passages/split-passages.js";
import {
  buildPassageIndex,
  collectVocabulary,
  MINISEARCH_OPTIONS,
  type PassageIndex,
} from "./passage-index.js";
import { STOP_WORDS } from "./stop-words.js";
import { FIELD_BOOSTS, LIGHT_TERMS, NAME_VARIANTS, processTerm } from "./text-processing.js";

/** Where `npm run index` writes the prebuilt index, unless INDEX_FILE says otherwise. */
export const DEFAULT_INDEX_FILE = ".cache/passage-index.json";

// A prebuilt index is only right for the term processing that built it. The signature changes
// when stop words, name variants, light terms, boosts or the stemmer's output change, and a
// prebuilt index with another signature is rebuilt rather than trusted.
const PROBE_WORDS =
  "granted decisions Khmeimim Tartous humanitarian considerations al-Assad’s running";

export function processingSignature(): string {
  const probe = PROBE_WORDS.split(" ").map(processTerm);
  return createHash("sha256")
    .update(
      JSON.stringify([
        2, // bump when the file layout changes
        [...STOP_WORDS],
        NAME_VARIANTS,
        [...LIGHT_TERMS],
        FIELD_BOOSTS,
        probe,
      ]),
    )
    .digest("hex")
    .slice(0, 16);
}

/** The corpus as it stands: each article file's name, size and modification time. */
export async function corpusFingerprint(
  corpusDir: string,
): Promise<{ hash: string; newest: number }> {
  const names = (await readdir(corpusDir)).filter((n) => n.endsWith(".md")).sort();
  const hash = createHash("sha256");
  let newest = (await stat(corpusDir)).mtimeMs;
  for (const name of names) {
    const info = await stat(join(corpusDir, name));
    newest = Math.max(newest, info.mtimeMs);
    hash.update(`${name}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return { hash: hash.digest("hex").slice(0, 16), newest };
}

interface IndexFile {
  signature: string;
  corpus: string;
  passages: Passage[];
  documentFrequency: [string, number][];
  miniSearch: ReturnType<MiniSearch["toJSON"]>;
}

/** The index as JSON, with what it takes to check it still fits the corpus and the code. */
export function serializeIndex(index: PassageIndex, corpusHash: string): string {
  const file: IndexFile = {
    signature: processingSignature(),
    corpus: corpusHash,
    // Sentences are stored; each passage's text is their join, rebuilt on load.
    passages: index.passages.map((p) => ({ ...p, text: "" })),
    documentFrequency: [...index.documentFrequency],
    miniSearch: index.miniSearch.toJSON(),
  };
  return JSON.stringify(file);
}

/** Reads an index written by serializeIndex; null if it was built for another corpus or code. */
export function deserializeIndex(json: string, corpusHash: string | null): PassageIndex | null {
  const file = JSON.parse(json) as IndexFile;
  if (file.signature !== processingSignature()) return null;
  if (corpusHash !== null && file.corpus !== corpusHash) return null;
  const passages = file.passages.map((p) => ({ ...p, text: p.sentences.join(" ") }));
  const miniSearch = MiniSearch.loadJS(file.miniSearch, MINISEARCH_OPTIONS);
  const documentFrequency = new Map(file.documentFrequency);
  return {
    passages,
    miniSearch,
    documentFrequency,
    vocabulary: collectVocabulary(passages, documentFrequency),
  };
}

/** Writes the index for a corpus, atomically (a reader never sees half a file). */
export async function writeIndexFile(
  index: PassageIndex,
  corpusDir: string,
  file: string,
): Promise<number> {
  const { hash } = await corpusFingerprint(corpusDir);
  const json = serializeIndex(index, hash);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, json);
  await rename(`${file}.tmp`, file);
  return Buffer.byteLength(json);
}

export interface OpenedIndex {
  index: PassageIndex;
  /** `prebuilt` when loaded from the index file, `corpus` when built from the articles. */
  source: "prebuilt" | "corpus";
  /** Why the prebuilt file was not used, when it was not. */
  reason?: string;
}

/** Reads the corpus and indexes its passages. Throws CorpusError on bad files. */
export async function buildIndexFromCorpus(corpusDir: string): Promise<PassageIndex> {
  const articles = await loadCorpus(corpusDir);
  return buildPassageIndex(articles.flatMap(splitIntoPassages));
}

/**
 * The index for a corpus: loaded from the prebuilt file when that is newer than every article and
 * was built from the same files by the same term processing; built from the corpus otherwise.
 */
export async function openIndex(
  corpusDir: string,
  indexFile: string = DEFAULT_INDEX_FILE,
): Promise<OpenedIndex> {
  const built = async (reason: string): Promise<OpenedIndex> => ({
    index: await buildIndexFromCorpus(corpusDir),
    source: "corpus",
    reason,
  });
  let fileTime: number;
  try {
    fileTime = (await stat(indexFile)).mtimeMs;
  } catch {
    return built(`no prebuilt index at ${indexFile}`);
  }
  let fingerprint: Awaited<ReturnType<typeof corpusFingerprint>>;
  try {
    fingerprint = await corpusFingerprint(corpusDir);
  } catch {
    return built("corpus folder unreadable"); // buildIndexFromCorpus reports it properly
  }
  if (fileTime <= fingerprint.newest) return built(`${indexFile} is older than the corpus`);
  try {
    const index = deserializeIndex(await readFile(indexFile, "utf8"), fingerprint.hash);
    if (index === null) return built(`${indexFile} was built from other files or by other code`);
    return { index, source: "prebuilt" };
  } catch (error) {
    return built(`${indexFile} is unreadable: ${error instanceof Error ? error.message : error}`);
  }
}

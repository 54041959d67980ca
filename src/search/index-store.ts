// Where the bot's and the CLI's index comes from: opened from the prebuilt file when that is newer
// than every article and was built from the same files by the same code, built from the corpus
// otherwise. The bot opens it in its serving thread (requests/serving-thread.ts), so /health and
// Slack's url_verification are answered while a large corpus is indexed.
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { IndexSettings } from "../config.js";
import { DEFAULTS } from "../config.js";
import { loadCorpus } from "../corpus/load-corpus.js";
import type { Passage } from "../passages/passage.js";
import { splitIntoPassages } from "../passages/split-passages.js";
import { buildPassageIndex, type PassageIndex } from "./passage-index.js";
import { type ReadOptions, readIndexFile, writeIndexFile } from "./prebuilt-index.js";

export interface OpenedIndex {
  index: PassageIndex;
  /** `prebuilt` when loaded from the index file, `corpus` when built from the articles. */
  source: "prebuilt" | "corpus";
  /** Why the prebuilt file was not used, when it was not. */
  reason?: string;
}

/**
 * What the layers above derive from an index (the news reading, suggested questions), built with
 * it (in the build worker when the bot builds) and stored in the index file, so a start from the
 * file reads it instead of deriving it again. Named by module, since a worker cannot be handed a
 * function: the module at `module` (a URL) exports the three functions of `DerivationModule`.
 */
export interface Derivation {
  module: string;
}

export interface DerivationModule {
  /** Everything derived from the index, as the layers above use it. */
  deriveFrom(index: PassageIndex): unknown;
  /**
   * Optional: starts, before the index is built, what can be derived from the passages alone (off
   * this thread, so both run at once); the function it returns finishes `deriveFrom`'s work once
   * the index is built, with the same result.
   */
  startDerivation?(passages: readonly Passage[]): (index: PassageIndex) => Promise<unknown>;
  /** The derived data as lines of JSON for the index file. */
  storeDerived(derived: unknown): unknown[];
  /**
   * The derived data from its stored lines, each as `storeDerived` gave it or as its JSON text
   * (read from the file, where parsing what is not needed yet is left to it); derives it anew
   * when there are none.
   */
  reviveDerived(lines: readonly unknown[], index: PassageIndex): unknown;
}

async function derivationOf(derive: Derivation): Promise<DerivationModule> {
  return (await import(derive.module)) as DerivationModule;
}

export interface OpenIndexOptions {
  /** Told of each corpus entry skipped (a FIFO, a device, an oversized file); console.warn if not given. */
  warn?: (message: string) => void;
  /** What else to build with the index and keep in `index.derived` (see `Derivation`). */
  derive?: Derivation;
  /**
   * Read a prebuilt file without its search index (see `ReadOptions.withoutSearch`): for the CLI's
   * requests that never search. An index built from the corpus instead is whole.
   */
  withoutSearch?: boolean;
  /** Keep a prebuilt file's postings undecoded until read (see `ReadOptions.lazyPostings`). */
  lazyPostings?: boolean;
}

const settingsOf = (settings: IndexSettings | string): IndexSettings =>
  typeof settings === "string"
    ? {
        corpusDir: settings,
        indexFile: DEFAULTS.indexFile,
        maxArticleBytes: DEFAULTS.maxArticleBytes,
      }
    : settings;

/**
 * The corpus as it stands: each article file's name, size and modification time. Read with
 * blocking calls: its callers (the CLI, the serving thread before it is ready, `npm run index`)
 * serve nothing meanwhile, and one awaited stat per file cost a 100k-passage CLI answer 0.3 s of
 * its 5 (8,334 files), where blocking ones take 0.09 s.
 */
export async function corpusFingerprint(
  corpusDir: string,
): Promise<{ hash: string; newest: number }> {
  const names = readdirSync(corpusDir)
    .filter((n) => n.endsWith(".md"))
    .sort();
  const hash = createHash("sha256");
  let newest = statSync(corpusDir).mtimeMs;
  for (const name of names) {
    const info = statSync(join(corpusDir, name));
    newest = Math.max(newest, info.mtimeMs);
    hash.update(`${name}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return { hash: hash.digest("hex").slice(0, 16), newest };
}

/** An index just built, and what is derived from it, which may still be in the making. */
interface BuiltIndex {
  index: PassageIndex;
  module: DerivationModule | null;
  derived: Promise<unknown>;
}

async function buildIndexAndDerive(
  settings: IndexSettings | string,
  options: Pick<OpenIndexOptions, "warn" | "derive">,
): Promise<BuiltIndex> {
  const { corpusDir, maxArticleBytes } = settingsOf(settings);
  const articles = await loadCorpus(corpusDir, {
    maxArticleBytes,
    ...(options.warn ? { warn: options.warn } : {}),
  });
  const passages = articles.flatMap(splitIntoPassages);
  const module = options.derive ? await derivationOf(options.derive) : null;
  const finish = module?.startDerivation?.(passages);
  const index = buildPassageIndex(passages);
  let derived: Promise<unknown> = Promise.resolve(undefined);
  if (module) {
    derived = finish ? finish(index) : Promise.resolve().then(() => module.deriveFrom(index));
    // Set on the index itself, not a copy: what is derived may be keyed by the index object.
    derived = derived.then((value) => {
      index.derived = value;
      return value;
    });
  }
  // Awaited by the caller; until then a failure must not count as unhandled.
  derived.catch(() => {});
  return { index, module, derived };
}

/**
 * Reads the corpus and indexes its passages, on this thread, with what `derive` names derived from
 * them. Throws CorpusError on bad files.
 */
export async function buildIndexFromCorpus(
  settings: IndexSettings | string,
  options: Pick<OpenIndexOptions, "warn" | "derive"> = {},
): Promise<PassageIndex> {
  const { index, derived } = await buildIndexAndDerive(settings, options);
  await derived;
  return index;
}

/** Reads an index file, reviving what was derived with it; null as readIndexFile. */
export async function readIndexWithDerived(
  file: string,
  corpusHash: string | null,
  derive: Derivation | undefined,
  options: ReadOptions = {},
): Promise<PassageIndex | null> {
  const read = await readIndexFile(file, corpusHash, options);
  if (read === null) return null;
  if (!derive) return read.index;
  const module = await derivationOf(derive);
  read.index.derived = await module.reviveDerived(read.derived, read.index);
  return read.index;
}

/**
 * The index for the settings' corpus: loaded from the prebuilt file when that is newer than every
 * article and was built from the same files by the same term processing; built otherwise.
 * Throws CorpusError on bad corpus files.
 */
export async function openIndex(
  settings: IndexSettings,
  options: OpenIndexOptions = {},
): Promise<OpenedIndex> {
  const { corpusDir, indexFile } = settings;
  const built = async (reason: string): Promise<OpenedIndex> => ({
    index: await buildIndexFromCorpus(settings, options),
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
    return built("corpus folder unreadable"); // the build reports it properly
  }
  if (fileTime <= fingerprint.newest) return built(`${indexFile} is older than the corpus`);
  try {
    const index = await readIndexWithDerived(indexFile, fingerprint.hash, options.derive, {
      withoutSearch: options.withoutSearch ?? false,
      lazyPostings: options.lazyPostings ?? false,
    });
    if (index === null) return built(`${indexFile} was built from other files or by other code`);
    return { index, source: "prebuilt" };
  } catch (error) {
    return built(`${indexFile} is unreadable: ${error instanceof Error ? error.message : error}`);
  }
}

/**
 * Builds the index from the corpus and writes it to the settings' index file: `npm run index`.
 * The index's lines are written while what is derived from it (the news reading, in its worker)
 * is still being built: on two cores the write costs no time of its own.
 */
export async function writePrebuiltIndex(
  settings: IndexSettings,
  options: Pick<OpenIndexOptions, "warn" | "derive"> = {},
): Promise<{ passages: number; bytes: number }> {
  const { index, module, derived } = await buildIndexAndDerive(settings, options);
  const { hash } = await corpusFingerprint(settings.corpusDir);
  const lines = derived.then((value) =>
    module && value !== undefined ? module.storeDerived(value) : [],
  );
  const bytes = await writeIndexFile(index, hash, settings.indexFile, lines);
  return { passages: index.passages.length, bytes };
}

import { constants } from "node:fs";
import { open, readdir } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULTS } from "../config.js";
import type { Article } from "./article.js";
import { CorpusError, type CorpusProblem } from "./corpus-error.js";

export { decodeArticleBytes } from "./article-limits.js";

import { checkArticleBytes } from "./article-limits.js";
import { isoDay } from "./dates.js";

export interface CorpusReadResult {
  articles: Article[];
  problems: CorpusProblem[];
  /** Every article file that was looked at, good or bad. */
  files: string[];
  /** Entries that are not articles to read (a FIFO, a device, a folder, an oversized file), and why. */
  skipped: SkippedEntry[];
}

export interface SkippedEntry {
  file: string;
  reason: string;
}

export interface LoadCorpusOptions {
  nowMilliseconds?: number;
  /** Larger files are skipped with a warning. */
  maxArticleBytes?: number;
  /** Told of each skipped entry; console.warn when not given. */
  warn?: (message: string) => void;
}

/** Why a symbolic link in the corpus folder is not read. */
export const SYMLINK_SKIP_REASON =
  "a symbolic link, not followed (put the article file itself in the corpus folder)";

/**
 * The article files of a corpus folder: `.md` names, sorted, hidden names left out. A hidden name
 * is an editor's lock or swap file (`.#x.md`, often a dangling link) or corpus:add's half-written
 * `.…adding` file: never an article, so never a reason to stop.
 */
export function articleFileNames(names: readonly string[]): string[] {
  return names.filter((name) => name.endsWith(".md") && !name.startsWith(".")).sort();
}

/**
 * Reads one article file's bytes, or says why it is skipped. Only regular files are read, so a
 * FIFO cannot hang the start nor a link to a device fill memory: the file is opened without
 * blocking and without following a symbolic link (a link may point out of the corpus folder, to
 * `/etc/passwd`, or nowhere), checked through its open handle (what is checked is what is read),
 * and read no further than the cap.
 */
export async function readArticleBytes(
  file: string,
  maxBytes: number,
): Promise<{ bytes: Uint8Array } | { skip: string }> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    // O_NOFOLLOW on a link fails with ELOOP, whether the link's target exists or not.
    if ((error as NodeJS.ErrnoException).code === "ELOOP") return { skip: SYMLINK_SKIP_REASON };
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { skip: "not a regular file" };
    if (info.size > maxBytes)
      return { skip: `${info.size} bytes, over MAX_ARTICLE_BYTES (${maxBytes})` };
    // One byte more than the file's size: a file still growing shows as a full buffer.
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > info.size) return { skip: "changed while it was read" };
    }
    return { bytes: buffer.subarray(0, length) };
  } finally {
    await handle.close();
  }
}

/**
 * Reads every `.md` file in `dir`. A bad file is reported in `problems` and costs no other file
 * its passages, so `corpus:check` can list every problem at once.
 */
export async function readCorpus(
  dir: string,
  options: LoadCorpusOptions = {},
): Promise<CorpusReadResult> {
  let names: string[];
  try {
    names = articleFileNames(await readdir(dir));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CorpusError([{ file: dir, fault: "unreadable", message: `cannot read: ${reason}` }]);
  }
  if (names.length === 0) {
    throw new CorpusError([{ file: dir, fault: "unreadable", message: "no .md article files" }]);
  }
  const today = isoDay(options.nowMilliseconds ?? Date.now());
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  const files = names.map((name) => join(dir, name));
  const skipped: SkippedEntry[] = [];
  const maxBytes = options.maxArticleBytes ?? DEFAULTS.maxArticleBytes;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      const read = await readArticleBytes(file, maxBytes);
      if ("skip" in read) {
        skipped.push({ file, reason: read.skip });
        warn(`Corpus: skipped ${file}: ${read.skip}`);
        continue;
      }
      bytes = read.bytes;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push({ file, fault: "unreadable", message: `cannot read: ${reason}` });
      continue;
    }
    const parsed = checkArticleBytes(file, bytes, { today, maxBytes });
    if (parsed.ok) articles.push(parsed.article);
    else problems.push(...parsed.problems);
  }
  return { articles, problems, files, skipped };
}

/**
 * Reads the corpus for indexing. A bad file is left out with a warning that names it and what is
 * wrong, and the rest is served: one unreadable file must not stop a reload or the next start
 * (`corpus:check` still fails on it). Only a corpus with no usable article stops, naming every problem.
 */
export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<Article[]> {
  const { articles, problems } = await readCorpus(dir, options);
  if (articles.length === 0) {
    throw new CorpusError(
      problems.length > 0
        ? problems
        : [{ file: dir, fault: "unreadable", message: "no readable article files" }],
    );
  }
  const warn = options.warn ?? ((message: string) => console.warn(message));
  for (const problem of problems) {
    warn(`Corpus: left out ${problem.file}: ${problem.message.replace(/\s+/g, " ")}`);
  }
  return articles;
}

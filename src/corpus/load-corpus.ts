import { constants } from "node:fs";
import { open, readdir } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULTS } from "../config.js";
import type { Article } from "./article.js";
import { CorpusError, type CorpusProblem } from "./corpus-error.js";
import { isoDay } from "./dates.js";
import { parseArticle } from "./parse-article.js";

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

/**
 * Reads one article file's bytes, or says why it is skipped. Only regular files are read, so a
 * FIFO cannot hang the start nor a link to a device fill memory: the file is opened without
 * blocking, checked through its open handle (what is checked is what is read), and read no
 * further than the cap.
 */
export async function readArticleBytes(
  file: string,
  maxBytes: number,
): Promise<{ bytes: Uint8Array } | { skip: string }> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
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

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes a file's bytes, or says why they are not article text. */
export function decodeArticleBytes(
  file: string,
  bytes: Uint8Array,
): { text: string } | { problem: CorpusProblem } {
  if (bytes.includes(0)) {
    return { problem: { file, fault: "binary", message: "binary file (contains NUL bytes)" } };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { problem: { file, fault: "not-utf8", message: "not valid UTF-8 text" } };
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
    names = (await readdir(dir)).filter((name) => name.endsWith(".md")).sort();
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
    const decoded = decodeArticleBytes(file, bytes);
    if ("problem" in decoded) {
      problems.push(decoded.problem);
      continue;
    }
    const parsed = parseArticle(file, decoded.text, { today });
    if (parsed.ok) articles.push(parsed.article);
    else problems.push(...parsed.problems);
  }
  return { articles, problems, files, skipped };
}

/** Reads the corpus for indexing: any problem in any file stops it, naming them all. */
export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<Article[]> {
  const { articles, problems } = await readCorpus(dir, options);
  if (problems.length > 0) throw new CorpusError(problems);
  return articles;
}

import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Article } from "./article.js";
import { CorpusError, type CorpusProblem } from "./corpus-error.js";
import { isoDay } from "./dates.js";
import { parseArticle } from "./parse-article.js";

export interface CorpusReadResult {
  articles: Article[];
  problems: CorpusProblem[];
  /** Every article file that was looked at, good or bad. */
  files: string[];
}

export interface LoadCorpusOptions {
  nowMilliseconds?: number;
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
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
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
  return { articles, problems, files };
}

/** Reads the corpus for indexing: any problem in any file stops it, naming them all. */
export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<Article[]> {
  const { articles, problems } = await readCorpus(dir, options);
  if (problems.length > 0) throw new CorpusError(problems);
  return articles;
}

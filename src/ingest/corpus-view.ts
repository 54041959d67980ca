import { mkdir, readdir } from "node:fs/promises";
import { basename } from "node:path";
import type { Article } from "../corpus/article.js";
import { readCorpus } from "../corpus/load-corpus.js";

/**
 * The corpus as ingestion sees it: the articles to de-duplicate against and the file names to number
 * the next file after. Read once per poll, and kept current as articles are added, so a poll of many
 * items reads the folder once.
 */
export interface CorpusView {
  corpusDir: string;
  articles: Article[];
  /** File names (no folder) of every `.md` in the folder, good or bad: numbers are never reused. */
  names: string[];
}

/** Reads the corpus folder (created if missing). Files that fail the check are skipped, not fatal. */
export async function openCorpusView(
  corpusDir: string,
  options: { maxArticleBytes?: number; nowMilliseconds?: number } = {},
): Promise<CorpusView> {
  await mkdir(corpusDir, { recursive: true });
  const names = (await readdir(corpusDir)).filter((name) => name.endsWith(".md"));
  if (names.length === 0) return { corpusDir, articles: [], names };
  const read = await readCorpus(corpusDir, { ...options, warn: () => {} });
  return { corpusDir, articles: read.articles, names: read.files.map((file) => basename(file)) };
}

import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { articleShinglesOf, overlap } from "../text/shingles.js";
import type { Article, ArticleMeta, BodyBlock } from "./article.js";
import {
  checkArticleBytes,
  checkArticleText,
  decodeArticleBytes,
  MAX_ARTICLE_BYTES,
  MAX_HTML_BYTES,
  withoutControlFields,
} from "./article-limits.js";
import { type CorpusProblem, formatProblem } from "./corpus-error.js";
import { isoDay } from "./dates.js";
import { ExtractError, extractArticleFromHtml } from "./extract-html.js";
import { extractOffThread } from "./extract-off-thread.js";
import { formatCorpusFile, type ImportedArticle, importSeed } from "./import-seed.js";
import { articleFileNames, readCorpus } from "./load-corpus.js";
import { parseArticle } from "./parse-article.js";

// `corpus:add` turns a saved page, a text or a Markdown file into one corpus file, so a new article
// reaches the bot without hand-written front matter. It refuses what the corpus already holds: a
// second copy of a page (same url) or the same story saved from another address (same text).

/** Why a file was not added. The message is one line that starts with the component. */
export class AddArticleError extends Error {
  readonly code:
    | "ADD_UNREADABLE"
    | "ADD_UNSUPPORTED"
    | "ADD_NO_TEXT"
    | "ADD_DUPLICATE"
    | "ADD_INVALID"
    /** Over a limit of article-limits.ts: too large, nested too deep, too slow to read. */
    | "ADD_TOO_LARGE";

  constructor(code: AddArticleError["code"], message: string) {
    super(`AddArticle: ${message}`);
    this.name = "AddArticleError";
    this.code = code;
  }
}

export type InputKind = "html" | "markdown" | "text";

const KINDS: Record<string, InputKind> = {
  ".html": "html",
  ".htm": "html",
  ".md": "markdown",
  ".markdown": "markdown",
  ".txt": "text",
};

/** The kind of input a file holds, by its extension; `null` for one corpus:add does not read. */
export function inputKindOf(file: string): InputKind | null {
  return KINDS[extname(file).toLowerCase()] ?? null;
}

/** Metadata given on the command line: it wins over what the file says. */
export type MetaOverrides = Partial<Omit<ArticleMeta, "language">>;

/**
 * Reads one input into metadata and body: HTML through the page extractor; Markdown with front
 * matter as a corpus file; other Markdown and text through the seed importer (a `# title`, a
 * `source:` line, a date line).
 */
export function articleFromInput(file: string, content: string, kind: InputKind): ImportedArticle {
  if (kind === "html") {
    try {
      return extractArticleFromHtml(content);
    } catch (error) {
      throw addErrorOf(file, error);
    }
  }
  if (kind === "markdown" && /^\uFEFF?---[ \t]*\r?\n/.test(content)) {
    const parsed = parseArticle(file, content, { today: "9999-12-31" });
    if (!parsed.ok) {
      const first = parsed.problems[0];
      throw new AddArticleError("ADD_INVALID", first ? formatProblem(first).trim() : file);
    }
    const { title, outlet, url, published, language, body } = parsed.article;
    return { meta: { title, outlet, url, published, language }, body };
  }
  const imported = importSeed(content);
  if (!imported.body.some((b) => b.kind === "paragraph")) {
    throw new AddArticleError("ADD_NO_TEXT", `${file}: no article text in the file`);
  }
  return imported;
}

/** An extraction's failure as corpus:add says it; other errors pass through. */
function addErrorOf(file: string, error: unknown): unknown {
  if (!(error instanceof ExtractError)) return error;
  const code = error.code === "EXTRACT_REFUSED" ? "ADD_TOO_LARGE" : "ADD_NO_TEXT";
  return new AddArticleError(code, `${file}: ${error.message.replace(/^Extract: /, "")}`);
}

/** `articleFromInput`, with a saved page read in a worker stopped past its deadline. */
async function articleFromInputOffThread(
  file: string,
  content: string,
  kind: InputKind,
  timeoutMs: number | null | undefined,
): Promise<ImportedArticle> {
  if (kind !== "html" || timeoutMs === null) return articleFromInput(file, content, kind);
  try {
    return await extractOffThread(content, timeoutMs === undefined ? {} : { timeoutMs });
  } catch (error) {
    throw addErrorOf(file, error);
  }
}

/** At or above this similarity two articles are the same story. */
export const DUPLICATE_SIMILARITY = 0.8;

/** A url with what does not name the page removed: case of the host, `www.`, tracking, `#…`, a final `/`. */
export function normaliseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = "";
    for (const key of [...parsed.searchParams.keys()]) {
      if (/^(?:utm_|fbclid$|gclid$|ref$|cmpid$)/i.test(key)) parsed.searchParams.delete(key);
    }
    const host = parsed.hostname.toLowerCase().replace(/^www\./, "");
    const path = parsed.pathname.replace(/\/+$/, "");
    return `${host}${path}${parsed.search}`;
  } catch {
    return url.trim();
  }
}

export interface Duplicate {
  /** The corpus file that already holds the article. */
  file: string;
  reason: "url" | "text";
  similarity: number;
}

function bodyText(body: readonly BodyBlock[]): string {
  return body.map((b) => b.text).join("\n");
}

/** The existing article the new one repeats, by url first, then by text; `null` if it is new. */
export function findDuplicate(
  candidate: ImportedArticle,
  existing: readonly Pick<Article, "file" | "url" | "body">[],
  threshold = DUPLICATE_SIMILARITY,
): Duplicate | null {
  if (candidate.meta.url !== null) {
    const url = normaliseUrl(candidate.meta.url);
    const same = existing.find((a) => a.url !== null && normaliseUrl(a.url) === url);
    if (same) return { file: same.file, reason: "url", similarity: 1 };
  }
  const shingles = articleShinglesOf(bodyText(candidate.body));
  let best: Duplicate | null = null;
  for (const article of existing) {
    const similarity = overlap(shingles, articleShinglesOf(bodyText(article.body)));
    if (similarity >= threshold && (best === null || similarity > best.similarity)) {
      best = { file: article.file, reason: "text", similarity };
    }
  }
  return best;
}

/** The first problem of a corpus file that would not pass the loader's check, as a refusal. */
function refusal(input: string, problems: readonly CorpusProblem[]): AddArticleError {
  const first = problems[0];
  const code = first?.fault === "too-large" ? "ADD_TOO_LARGE" : "ADD_INVALID";
  const why =
    first?.fault === "too-large" ? `the article would be ${first.message}` : first?.message;
  return new AddArticleError(code, `${input}: ${why ?? "fails the corpus check"}`);
}

/** `<next number>_<16 hex of the body's hash>.md`, as the corpus's files are named. */
export function corpusFileName(
  body: readonly BodyBlock[],
  existingNames: readonly string[],
): string {
  const numbers = existingNames.map((name) => /^(\d+)_/.exec(name)?.[1]).map(Number);
  const next = Math.max(-1, ...numbers.filter(Number.isFinite)) + 1;
  const hash = createHash("sha256").update(bodyText(body)).digest("hex").slice(0, 16);
  return `${String(next).padStart(3, "0")}_${hash}.md`;
}

export interface AddArticleOptions {
  /** The folder the bot reads (CORPUS_DIR). */
  corpusDir: string;
  overrides?: MetaOverrides;
  nowMilliseconds?: number;
  /** MAX_ARTICLE_BYTES: the corpus file written must be one the bot reads. */
  maxArticleBytes?: number;
  /**
   * How long reading a saved page may take (EXTRACT_TIMEOUT_MS unless told): it is read in a
   * worker stopped past it. `null` reads it on this thread with no deadline (the nesting cap still
   * holds): for tests, where starting a worker under tsx costs seconds a page.
   */
  extractTimeoutMs?: number | null;
}

export interface AddedArticle {
  file: string;
  meta: ArticleMeta;
  paragraphs: number;
}

/**
 * Adds one input file to the corpus: reads it, refuses a duplicate (naming the file it repeats),
 * writes the corpus file beside a temporary name and renames it in (a watching bot never reads
 * half a file), then reads it back through the corpus check. Throws AddArticleError.
 */
export async function addArticle(input: string, options: AddArticleOptions): Promise<AddedArticle> {
  const kind = inputKindOf(input);
  if (kind === null) {
    throw new AddArticleError(
      "ADD_UNSUPPORTED",
      `${input}: not a saved page, text or Markdown file (.html, .htm, .txt, .md)`,
    );
  }
  let bytes: Uint8Array;
  try {
    const info = await stat(input);
    if (!info.isFile()) {
      throw new AddArticleError("ADD_UNREADABLE", `${input}: not a regular file`);
    }
    if (info.size > MAX_HTML_BYTES) {
      throw new AddArticleError(
        "ADD_TOO_LARGE",
        `${input}: ${info.size} bytes, over the ${MAX_HTML_BYTES} a file to add may have`,
      );
    }
    bytes = await readFile(input);
  } catch (error) {
    if (error instanceof AddArticleError) throw error;
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    throw new AddArticleError("ADD_UNREADABLE", `${input}: cannot read (${reason})`);
  }
  const decoded = decodeArticleBytes(input, bytes);
  if ("problem" in decoded) {
    throw new AddArticleError("ADD_UNREADABLE", `${input}: ${decoded.problem.message}`);
  }
  const imported = await articleFromInputOffThread(
    input,
    decoded.text,
    kind,
    options.extractTimeoutMs,
  );
  // One set of checks with the loader: no control character in any field, the size it reads.
  const article = withoutControlFields({
    meta: { ...imported.meta, ...options.overrides },
    body: imported.body,
  });
  const { meta } = article;
  const check = {
    today: isoDay(options.nowMilliseconds ?? Date.now()),
    maxBytes: options.maxArticleBytes ?? MAX_ARTICLE_BYTES,
  };

  const { corpusDir } = options;
  await mkdir(corpusDir, { recursive: true });
  const names = articleFileNames(await readdir(corpusDir));
  const existing = names.length === 0 ? [] : (await readCorpus(corpusDir)).articles;
  const duplicate = findDuplicate(article, existing);
  if (duplicate) {
    const why =
      duplicate.reason === "url"
        ? `the same url (${meta.url})`
        : `nearly the same text (${Math.round(duplicate.similarity * 100)}% shared)`;
    throw new AddArticleError(
      "ADD_DUPLICATE",
      `${input}: already in the corpus as ${duplicate.file}: ${why}`,
    );
  }

  const text = formatCorpusFile(article);
  const target = join(corpusDir, corpusFileName(article.body, names));
  const checked = checkArticleText(target, text, check);
  if (!checked.ok) throw refusal(input, checked.problems);
  const temporary = join(corpusDir, `.${Date.now()}-${process.pid}.adding`);
  await writeFile(temporary, text);
  await rename(temporary, target);
  const readBack = checkArticleBytes(target, await readFile(target), check);
  if (!readBack.ok) {
    await rm(target, { force: true });
    throw refusal(input, readBack.problems);
  }
  return {
    file: target,
    meta,
    paragraphs: readBack.article.body.filter((b) => b.kind === "paragraph").length,
  };
}

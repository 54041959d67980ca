import { link, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { stringify } from "yaml";
import {
  AddArticleError,
  articleFromInput,
  corpusFileName,
  DUPLICATE_SIMILARITY,
  inputKindOf,
  normaliseUrl,
} from "../corpus/add-article.js";
import type { Article } from "../corpus/article.js";
import { isoDay } from "../corpus/dates.js";
import { formatCorpusFile, type ImportedArticle } from "../corpus/import-seed.js";
import { decodeArticleBytes, readArticleBytes } from "../corpus/load-corpus.js";
import { parseArticle } from "../corpus/parse-article.js";
import { articleShinglesOf, overlap } from "../text/shingles.js";
import { type CorpusView, openCorpusView } from "./corpus-view.js";
import { FetchError } from "./fetch-error.js";
import type { PageFetcher } from "./fetch-types.js";
import { type IngestLogger, SILENT_LOGGER } from "./ingest-logger.js";
import type { IngestResult, IngestSource } from "./ingest-result.js";

// One pipeline for every way an article comes in (a feed's item, `/syria add`, `corpus:fetch`):
// fetch → extract (the same Readability + JSON-LD/Open Graph/canonical path as `corpus:add`) → the
// loader's checks and limits → de-duplicate → write atomically. The caller reloads the index.

export interface IngestDeps {
  /** The folder the bot reads (CORPUS_DIR). */
  corpusDir: string;
  fetcher: PageFetcher;
  /** MAX_ARTICLE_BYTES: the corpus file written must be no larger (the loader would skip it). */
  maxArticleBytes: number;
  logger?: IngestLogger;
  /** The clock, for `fetched_at` and the loader's "published after today" check. */
  now?: () => number;
  /** The corpus as last read; read from `corpusDir` when not given. Kept current as files are added. */
  corpus?: CorpusView;
  signal?: AbortSignal;
}

/** A page's article, ready to be checked and written: where it came from, and what was fetched. */
export interface ArticleCandidate {
  article: ImportedArticle;
  /** The URL asked for: results and log lines name it. */
  requestedUrl: string;
  source: IngestSource;
}

/** Media types read as an article page, and how. */
const ARTICLE_KINDS: Record<string, "html" | "text"> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
};

/** Hosts compared without `www.`: the same outlet's copy is a duplicate, another outlet's a reprint. */
function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
}

function bodyText(article: Pick<Article, "body">): string {
  return article.body.map((block) => block.text).join("\n");
}

function sameOutlet(a: ImportedArticle["meta"], b: Article): boolean {
  const hostA = hostOf(a.url);
  if (hostA !== null && hostA === hostOf(b.url)) return true;
  return (
    a.outlet !== null && b.outlet !== null && a.outlet.toLowerCase() === b.outlet.toLowerCase()
  );
}

/** Each article's shingles, worked out once per article object: a poll compares every item to all. */
const SHINGLES = new WeakMap<Article, Set<string>>();

function shinglesOfArticle(article: Article): Set<string> {
  let shingles = SHINGLES.get(article);
  if (shingles === undefined) {
    shingles = articleShinglesOf(bodyText(article));
    SHINGLES.set(article, shingles);
  }
  return shingles;
}

type Verdict =
  | { kind: "new" }
  | { kind: "duplicate"; file: string; reason: "url" | "text" }
  | { kind: "copy"; of: Article };

/**
 * Same canonical URL (tracking and fragment dropped) → duplicate. Nearly the same text from the same
 * outlet → duplicate; from another outlet under its own URL → a reprint of the earliest such article
 * (a wire story): kept, and marked so corroboration does not count it as a report of its own.
 */
function judge(candidate: ImportedArticle, corpus: CorpusView): Verdict {
  const url = candidate.meta.url === null ? null : normaliseUrl(candidate.meta.url);
  if (url !== null) {
    const same = corpus.articles.find((a) => a.url !== null && normaliseUrl(a.url) === url);
    if (same) return { kind: "duplicate", file: same.file, reason: "url" };
  }
  const shingles = articleShinglesOf(bodyText(candidate));
  const similar = corpus.articles.filter(
    (a) => overlap(shingles, shinglesOfArticle(a)) >= DUPLICATE_SIMILARITY,
  );
  const sameSource = similar.find((a) => sameOutlet(candidate.meta, a));
  if (sameSource) return { kind: "duplicate", file: sameSource.file, reason: "text" };
  if (similar.length === 0) return { kind: "new" };
  // The original is the one that is not itself a copy; the earliest file number breaks a tie.
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  const original = (a: Article): Article => (a.copyOf ? (byId.get(a.copyOf) ?? a) : a);
  const first = similar.map(original).sort((a, b) => a.id.localeCompare(b.id))[0] as Article;
  return { kind: "copy", of: first };
}

/** The corpus file's text: the loader's front matter, then where the article came from and when. */
function corpusText(
  article: ImportedArticle,
  source: IngestSource,
  fetchedAt: string,
  copyOf: string | null,
): string {
  const text = formatCorpusFile(article);
  // A saved file was not fetched by the bot: it gets no fetched_at.
  const provenance: Record<string, string> =
    source.kind === "file" ? {} : { fetched_at: fetchedAt };
  if (source.kind === "feed") provenance.feed = source.feedUrl;
  else if (source.kind === "link" && source.addedBy !== null) provenance.added_by = source.addedBy;
  if (copyOf !== null) provenance.copy_of = copyOf;
  if (Object.keys(provenance).length === 0) return text;
  const end = text.indexOf("\n---\n", 3);
  const extra = stringify(provenance, { lineWidth: 0 }).trimEnd();
  return `${text.slice(0, end)}\n${extra}${text.slice(end)}`;
}

/**
 * Writes `text` as the next numbered corpus file, atomically: a temporary file hard-linked to its
 * name, so a reader sees the whole file or none, and a name taken in the meantime (another replica,
 * another add) is never overwritten: the next number is tried.
 */
async function writeCorpusFile(
  corpus: CorpusView,
  article: ImportedArticle,
  text: string,
): Promise<string> {
  const temporary = join(corpus.corpusDir, `.${process.pid}-${Date.now()}-${Math.random()}.adding`);
  await writeFile(temporary, text, { flag: "wx" });
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      const name = corpusFileName(article.body, corpus.names);
      const target = join(corpus.corpusDir, name);
      try {
        await link(temporary, target);
        return target;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        corpus.names.push(name);
      }
    }
    throw new Error(`no free file name in ${corpus.corpusDir} after 20 tries`);
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * Checks, de-duplicates and writes one extracted article. Never throws for a bad article: the
 * result says what became of it.
 */
export async function ingestArticle(
  candidate: ArticleCandidate,
  deps: Omit<IngestDeps, "fetcher">,
): Promise<IngestResult> {
  const { requestedUrl: url, source } = candidate;
  const logger = deps.logger ?? SILENT_LOGGER;
  const now = (deps.now ?? Date.now)();
  const refuse = (reason: string): IngestResult => {
    logger.warn(`Ingest: refused ${url}: ${reason}`);
    return { status: "refused", url, reason };
  };
  const corpus = deps.corpus ?? (await openCorpusView(deps.corpusDir, { nowMilliseconds: now }));

  const verdict = judge(candidate.article, corpus);
  if (verdict.kind === "duplicate") {
    logger.info(
      `Ingest: ${url} is already in the corpus as ${verdict.file} (same ${verdict.reason})`,
    );
    return { status: "duplicate", url, file: verdict.file, reason: verdict.reason };
  }
  const copyOf = verdict.kind === "copy" ? basename(verdict.of.file) : null;
  const text = corpusText(candidate.article, source, new Date(now).toISOString(), copyOf);
  const bytes = Buffer.byteLength(text);
  if (bytes > deps.maxArticleBytes) {
    return refuse(
      `the article is ${bytes} bytes, over MAX_ARTICLE_BYTES (${deps.maxArticleBytes})`,
    );
  }
  // The loader's own check, on the very text to be written: what is written is read.
  const checked = parseArticle(join(corpus.corpusDir, "new.md"), text, { today: isoDay(now) });
  if (!checked.ok) {
    return refuse(checked.problems.map((p) => p.message).join("; "));
  }
  const file = await writeCorpusFile(corpus, candidate.article, text);
  const written = { ...checked.article, file, id: basename(file).replace(/\.md$/, "") };
  corpus.articles.push(written);
  corpus.names.push(basename(file));
  const { title, outlet, published } = candidate.article.meta;
  logger.info(
    `Ingest: added ${file} from ${url}: ${title ?? "untitled"} (${outlet ?? "outlet unknown"})${copyOf ? `, a copy of ${copyOf}` : ""}`,
  );
  return { status: "added", url, file, title, outlet, published, copyOf };
}

/**
 * Ingests a saved page, text or Markdown file (what `corpus:add` reads) through the same checks,
 * de-duplication and atomic write as a fetched page. Never throws for a bad file.
 */
export async function ingestFile(
  path: string,
  deps: Omit<IngestDeps, "fetcher">,
): Promise<IngestResult> {
  const logger = deps.logger ?? SILENT_LOGGER;
  const refuse = (reason: string): IngestResult => {
    logger.warn(`Ingest: refused ${path}: ${reason}`);
    return { status: "refused", url: path, reason };
  };
  const kind = inputKindOf(path);
  if (kind === null)
    return refuse("not a saved page, text or Markdown file (.html, .htm, .txt, .md)");
  let read: Awaited<ReturnType<typeof readArticleBytes>>;
  try {
    read = await readArticleBytes(path, deps.maxArticleBytes);
  } catch (error) {
    return refuse(`cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if ("skip" in read) return refuse(read.skip);
  const decoded = decodeArticleBytes(path, read.bytes);
  if ("problem" in decoded) return refuse(decoded.problem.message);
  let article: ImportedArticle;
  try {
    article = articleFromInput(path, decoded.text, kind);
  } catch (error) {
    if (error instanceof AddArticleError) return refuse(addErrorReason(error));
    throw error;
  }
  return ingestArticle({ article, requestedUrl: path, source: { kind: "file", path } }, deps);
}

/** AddArticle's message without its component and the input's name: the reason alone. */
function addErrorReason(error: AddArticleError): string {
  return error.message.replace(/^AddArticle: /, "").replace(/^\S+: /, "");
}

/** The outlet when the page does not say: the feed's name, else the site's host. */
function fallbackOutlet(source: IngestSource, url: string): string | null {
  if (source.kind === "feed" && source.feedName !== null) return source.feedName;
  return hostOf(url);
}

/**
 * Fetches one URL and ingests the article it holds. Never throws for a bad page or an unreachable
 * site: the result says why it was refused, naming the URL.
 */
export async function ingestUrl(
  url: string,
  source: IngestSource,
  deps: IngestDeps,
): Promise<IngestResult> {
  const logger = deps.logger ?? SILENT_LOGGER;
  const refuse = (reason: string, transient = false): IngestResult => {
    logger.warn(`Ingest: refused ${url}: ${reason}`);
    return transient
      ? { status: "refused", url, reason, transient }
      : { status: "refused", url, reason };
  };
  let page: Awaited<ReturnType<PageFetcher["fetch"]>>;
  try {
    page = await deps.fetcher.fetch(url, {
      purpose: "article",
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
  } catch (error) {
    if (error instanceof FetchError) return refuse(error.reason, error.transient);
    throw error;
  }
  if (page.notModified) return refuse("the site answered 304 Not Modified to a plain request");
  const kind = ARTICLE_KINDS[page.mediaType];
  if (kind === undefined) return refuse(`not an article page (${page.mediaType})`);
  let article: ImportedArticle;
  try {
    article = articleFromInput(url, page.text, kind);
  } catch (error) {
    if (error instanceof AddArticleError) return refuse(addErrorReason(error));
    throw error;
  }
  const meta = {
    ...article.meta,
    url: article.meta.url ?? page.finalUrl,
    outlet: article.meta.outlet ?? fallbackOutlet(source, page.finalUrl),
  };
  return ingestArticle({ article: { meta, body: article.body }, requestedUrl: url, source }, deps);
}

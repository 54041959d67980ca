// One set of limits and checks for every way an article enters the corpus: the loader reading
// corpus/, `corpus:add` turning a saved page or a text into a corpus file, and feed ingestion.
// An article that passes here is one the loader serves; one that fails is refused with a sentence
// that says why, before anything is written.
import { DEFAULTS } from "../config.js";
import type { BodyBlock } from "./article.js";
import { oneLineText } from "./control-characters.js";
import type { CorpusProblem } from "./corpus-error.js";
import { htmlNestingDepth } from "./html-depth.js";
import type { ImportedArticle } from "./import-seed.js";
import { type ParseResult, parseArticle } from "./parse-article.js";

export {
  hasControlCharacters,
  oneLineText,
  safeJson,
  withoutControlCharacters,
} from "./control-characters.js";

/**
 * The largest corpus file (MAX_ARTICLE_BYTES sets it): the loader skips a larger one, so nothing
 * may write one. News articles are tens of KB.
 */
export const MAX_ARTICLE_BYTES: number = DEFAULTS.maxArticleBytes;

/**
 * The deepest nesting of elements a page may have to be parsed. Parsing and Readability slow with
 * the square of the depth or worse (on 2 cores, `corpus:add` of a page nested 256 deep took about
 * 1 s, 1,000 deep 7 s, 2,000 deep 74 s; 10,000 deep overflowed the stack); a news page nests a few
 * dozen deep.
 */
export const MAX_HTML_DEPTH = 128;

/**
 * The largest saved page read. Pages carry scripts, styles and inline images beside their text, so
 * they run to a few MB; the article they hold must still fit MAX_ARTICLE_BYTES.
 */
export const MAX_HTML_BYTES = 16 * 1024 * 1024;

/** How long extracting one page may take, in a worker that is stopped past it. */
export const EXTRACT_TIMEOUT_MS = 20_000;

/** Why a page is not parsed, as a sentence; null when it may be. Linear in the page's length. */
export function checkHtmlPage(html: string, maxDepth = MAX_HTML_DEPTH): string | null {
  if (html.length > MAX_HTML_BYTES) {
    return `the page is ${html.length} characters, over the ${MAX_HTML_BYTES} a saved page may have`;
  }
  const depth = htmlNestingDepth(html, maxDepth);
  if (depth > maxDepth) {
    return `the page nests its elements more than ${maxDepth} deep, which no news page does; it was not parsed`;
  }
  return null;
}

function cleanBlock(block: BodyBlock): BodyBlock | null {
  const text = oneLineText(block.text).trim();
  return text === "" ? null : { ...block, text };
}

/**
 * The article with every control character taken out of every text field (NUL, ESC, the C1
 * controls, U+2028): a page's JSON-LD or a feed may carry them, and they would make the corpus
 * file look binary to the loader or reach Slack. Line breaks inside a field become spaces.
 */
export function withoutControlFields<T extends ImportedArticle>(article: T): T {
  const field = (value: string | null) =>
    value === null ? null : oneLineText(value).trim() || null;
  const { meta } = article;
  return {
    ...article,
    meta: {
      ...meta,
      title: field(meta.title),
      outlet: field(meta.outlet),
      url: field(meta.url),
      published: field(meta.published),
      language: oneLineText(meta.language).trim() || "en",
    },
    body: article.body.map(cleanBlock).filter((block): block is BodyBlock => block !== null),
  };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes a file's bytes, or says why they are not article text (NUL bytes, not UTF-8). */
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

export interface ArticleCheckOptions {
  /** Today, as YYYY-MM-DD: an article published after it is refused. */
  today: string;
  /** MAX_ARTICLE_BYTES; the default when not given. */
  maxBytes?: number;
}

/**
 * The loader's whole check of one corpus file's bytes: size, NUL bytes, UTF-8, front matter,
 * fields, date, text. What the loader serves is exactly what passes.
 */
export function checkArticleBytes(
  file: string,
  bytes: Uint8Array,
  options: ArticleCheckOptions,
): ParseResult {
  const maxBytes = options.maxBytes ?? MAX_ARTICLE_BYTES;
  if (bytes.length > maxBytes) {
    const message = `${bytes.length} bytes, over MAX_ARTICLE_BYTES (${maxBytes})`;
    return { ok: false, problems: [{ file, fault: "too-large", message }] };
  }
  const decoded = decodeArticleBytes(file, bytes);
  if ("problem" in decoded) return { ok: false, problems: [decoded.problem] };
  return parseArticle(file, decoded.text, { today: options.today });
}

/**
 * `checkArticleBytes` for a corpus file about to be written: anything that adds an article
 * (corpus:add, feed ingestion) checks the text it would write with this, and writes it only when
 * it passes.
 */
export function checkArticleText(
  file: string,
  text: string,
  options: ArticleCheckOptions,
): ParseResult {
  return checkArticleBytes(file, Buffer.from(text, "utf8"), options);
}

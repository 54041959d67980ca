import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { ArticleMeta, BodyBlock } from "./article.js";
import { checkHtmlPage } from "./article-limits.js";
import type { ArticleSource } from "./article-source.js";
import { cleanBody } from "./clean-body.js";
import { parseIsoDate, parseWrittenDate } from "./dates.js";

// A saved news page states its metadata three ways, best first: JSON-LD (schema.org NewsArticle,
// written for search engines, so usually right), Open Graph (written for link previews), and the
// HTML head (<title>, which usually carries the site's name too). The body is whatever Readability
// keeps once navigation, ads and comments are dropped.

/**
 * The page has no article text or is not HTML at all (`EXTRACT_FAILED`), or is refused unread: too
 * large, nested too deep, or too slow to read (`EXTRACT_REFUSED`).
 */
export class ExtractError extends Error {
  readonly code: "EXTRACT_FAILED" | "EXTRACT_REFUSED";

  constructor(message: string, code: ExtractError["code"] = "EXTRACT_FAILED") {
    super(`Extract: ${message}`);
    this.name = "ExtractError";
    this.code = code;
  }
}

export interface ExtractedArticle {
  meta: ArticleMeta;
  body: BodyBlock[];
}

/** What the page's head and structured data say; `null` where they do not. */
export interface PageMetadata extends ArticleSource {
  language: string | null;
}

type Json = Record<string, unknown>;
/** linkedom's DOM types: the project compiles without the browser's `lib.dom`. */
type Page = ReturnType<typeof parseHTML>["document"];
type PageElement = NonNullable<ReturnType<Page["querySelector"]>>;

const ARTICLE_TYPES =
  /^(?:News|Reportage|Analysis|Opinion|Report|Background)?Article$|^BlogPosting$/;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.replace(/\s+/g, " ").trim();
  return trimmed === "" ? null : trimmed;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  quot: '"',
  apos: "'",
  lt: "<",
  gt: ">",
  nbsp: " ",
};

/**
 * JSON-LD is not HTML, yet publishing tools often write entities into it (`&#8217;`, `&amp;`):
 * decoded here so a headline reads as the page shows it.
 */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1]?.toLowerCase() === "x" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(NAMED_ENTITIES, name.toLowerCase())
      ? (NAMED_ENTITIES[name.toLowerCase()] as string)
      : whole;
  });
}

function ldText(value: unknown): string | null {
  const plain = text(value);
  return plain === null ? null : text(decodeEntities(plain));
}

/** Every object in a JSON-LD block: top-level arrays and `@graph` arrays flattened. */
function jsonLdObjects(data: unknown): Json[] {
  if (Array.isArray(data)) return data.flatMap(jsonLdObjects);
  if (!isObject(data)) return [];
  const graph = data["@graph"];
  return [data, ...(graph === undefined ? [] : jsonLdObjects(graph))];
}

function typesOf(node: Json): string[] {
  const type = node["@type"];
  if (typeof type === "string") return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === "string") : [];
}

/**
 * The page's article node (a NewsArticle if there is one, else any kind of Article), and a lookup
 * of the nodes by `@id`: in an `@graph` the publisher is often a reference to an Organization node.
 */
function articleNode(document: Page): { node: Json | null; byId: Map<string, Json> } {
  const nodes: Json[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      nodes.push(...jsonLdObjects(JSON.parse(script.textContent ?? "")));
    } catch {
      // A malformed block says nothing; the page's other metadata still may.
    }
  }
  const byId = new Map<string, Json>();
  for (const n of nodes) {
    const id = n["@id"];
    if (typeof id === "string" && Object.keys(n).length > 1) byId.set(id, n);
  }
  const node =
    nodes.find((n) => typesOf(n).includes("NewsArticle")) ??
    nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.test(t))) ??
    null;
  return { node, byId };
}

function nameOf(value: unknown, byId: Map<string, Json>): string | null {
  if (Array.isArray(value)) return nameOf(value[0], byId);
  if (isObject(value)) {
    const id = value["@id"];
    const named = ldText(value.name);
    if (named === null && typeof id === "string" && byId.has(id))
      return nameOf(byId.get(id), new Map());
    return named;
  }
  return ldText(value);
}

function urlOf(value: unknown): string | null {
  if (isObject(value)) return text(value["@id"]) ?? text(value.url);
  return text(value);
}

/** A date as the publisher wrote it: the calendar day of `2024-12-09T23:10:00+03:00` is the 9th. */
export function dayOf(value: string | null): string | null {
  if (value === null) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(value.trim());
  if (iso) return parseIsoDate(iso[1] as string);
  return parseWrittenDate(value);
}

function absoluteHttpUrl(value: string | null, base: string | null): string | null {
  if (value === null) return null;
  try {
    const url = base === null ? new URL(value) : new URL(value, base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}

/** `Headline | Site`, `Headline - Site`: the title without the site's name, when it is known. */
function withoutSiteName(title: string, site: string | null): string {
  if (site === null) return title;
  const separators = /\s+[|\-–—:·•]\s+/;
  const parts = title.split(separators);
  if (parts.length < 2) return title;
  const last = parts.at(-1)?.toLowerCase();
  const first = parts[0]?.toLowerCase();
  const lowerSite = site.toLowerCase();
  if (last === lowerSite) return parts.slice(0, -1).join(" - ");
  if (first === lowerSite) return parts.slice(1).join(" - ");
  return title;
}

/**
 * Reads a page's metadata: title from the JSON-LD headline or og:title before <title>; outlet from
 * the JSON-LD publisher or og:site_name; the canonical url (<link rel=canonical>, og:url, then the
 * JSON-LD url); the publication day from JSON-LD datePublished or article:published_time.
 */
export function readPageMetadata(document: Page): PageMetadata {
  const meta = (name: string): string | null => {
    for (const element of document.querySelectorAll("meta")) {
      const key = element.getAttribute("property") ?? element.getAttribute("name");
      if (key?.toLowerCase() === name) {
        const value = text(element.getAttribute("content"));
        if (value !== null) return value;
      }
    }
    return null;
  };
  const { node, byId } = articleNode(document);
  const canonical = text(document.querySelector('link[rel~="canonical"]')?.getAttribute("href"));
  const ogUrl = meta("og:url");
  const ldUrl = node ? (urlOf(node.url) ?? urlOf(node.mainEntityOfPage)) : null;
  const base = [ogUrl, ldUrl, canonical]
    .map((candidate) => absoluteHttpUrl(candidate, null))
    .find((u) => u !== null);
  const url =
    absoluteHttpUrl(canonical, base ?? null) ??
    absoluteHttpUrl(ogUrl, base ?? null) ??
    absoluteHttpUrl(ldUrl, base ?? null);

  const outlet = (node ? nameOf(node.publisher, byId) : null) ?? meta("og:site_name");
  const headTitle = text(document.querySelector("title")?.textContent);
  const title =
    (node ? ldText(node.headline) : null) ??
    meta("og:title") ??
    (headTitle === null ? null : withoutSiteName(headTitle, outlet));
  const published =
    dayOf(node ? text(node.datePublished) : null) ??
    dayOf(meta("article:published_time")) ??
    dayOf(meta("date")) ??
    null;
  const language =
    (node ? ldText(node.inLanguage) : null) ?? text(document.documentElement?.getAttribute("lang"));
  return { title, outlet, url, published, language };
}

/** Labels of ad slots and share widgets that sit inside an article's own element. */
const FURNITURE = /^(?:advertisement|advert|ad|sponsored(?: content)?|share(?: this)?|read more)$/i;

const BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre";

/** The article's paragraphs and subheadings, in order, from Readability's cleaned element. */
function blocksOf(content: PageElement, title: string | null): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (const element of content.querySelectorAll(BLOCKS)) {
    // A paragraph inside a list item or quote is read with its parent, once.
    if (element.parentElement?.closest(BLOCKS)) continue;
    const value = text(element.textContent);
    if (value === null || FURNITURE.test(value)) continue;
    if (/^H\d$/.test(element.tagName.toUpperCase())) {
      if (value !== title) blocks.push({ kind: "heading", text: value });
    } else {
      blocks.push({ kind: "paragraph", text: value });
    }
  }
  if (blocks.some((b) => b.kind === "paragraph")) return blocks;
  return cleanBody(content.textContent ?? "");
}

/** Fewer words than this is a menu or an error page, not a news article. */
const MIN_ARTICLE_WORDS = 25;

/** `en-GB` → `en`: the corpus records the language, not the region. */
function primaryLanguage(tag: string | null): string {
  const primary = tag?.split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : "en";
}

/**
 * Extracts one article from a saved web page: its body (Readability over linkedom, which drops
 * navigation, ads and comments) and its metadata (`readPageMetadata`). Throws ExtractError when the
 * page holds no article text, or nests deeper than MAX_HTML_DEPTH. On this thread and without a
 * deadline: `extractOffThread` adds one.
 */
export function extractArticleFromHtml(html: string): ExtractedArticle {
  if (!/<(?:html|body|article|p|div)[\s>]/i.test(html)) {
    throw new ExtractError("not an HTML page (no <html>, <body> or <p>)");
  }
  // Before the parser: its time grows with the square of the nesting, and deep enough it overflows.
  const refused = checkHtmlPage(html);
  if (refused !== null) throw new ExtractError(refused, "EXTRACT_REFUSED");
  const { document } = parseHTML(html);
  // Readability rewrites the document it reads, so the metadata is read first.
  const metadata = readPageMetadata(document);
  const parsed = new Readability<PageElement>(document, {
    charThreshold: 200,
    serializer: (node) => node as unknown as PageElement,
  }).parse();
  const content = parsed?.content;
  if (!content) throw new ExtractError("no article text found in the page");
  const title = metadata.title ?? text(parsed?.title);
  const body = blocksOf(content, title);
  const words = body
    .filter((b) => b.kind === "paragraph")
    .reduce((sum, b) => sum + b.text.split(" ").length, 0);
  if (words < MIN_ARTICLE_WORDS) {
    throw new ExtractError("no article text found in the page");
  }
  return {
    meta: {
      title,
      outlet: metadata.outlet ?? text(parsed?.siteName),
      url: metadata.url,
      published: metadata.published ?? dayOf(text(parsed?.publishedTime)),
      language: primaryLanguage(metadata.language ?? text(parsed?.lang)),
    },
    body,
  };
}

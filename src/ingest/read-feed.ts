import { XMLParser, XMLValidator } from "fast-xml-parser";
import { dayOf } from "../corpus/extract-html.js";

// Reads the four forms news sites publish their latest articles in: RSS 2.0, Atom 1.0, JSON Feed
// 1.1 and news sitemaps (a sitemap whose <url>s carry <news:news>). What the poller needs of each
// item is little: its link, and its title and text to match against the story.

/** The items read from one feed; more are counted, not read. */
export const MAX_FEED_ITEMS = 500;
/** Of an item's text, this much is enough to tell whether it is on the story. */
const MAX_ITEM_TEXT = 20_000;

export type FeedFormat = "rss" | "atom" | "json-feed" | "news-sitemap";

export interface FeedItem {
  /** The article's URL, absolute; null when the item has none (it is refused). */
  link: string | null;
  title: string | null;
  /** The item's summary or content as plain text, for the story match. */
  text: string | null;
  /** YYYY-MM-DD when the item says. */
  published: string | null;
}

export interface FeedRead {
  format: FeedFormat;
  items: FeedItem[];
  /** Items in the feed, read or not. */
  totalItems: number;
}

/** The feed cannot be read; `reason` says why in a few words. */
export class FeedParseError extends Error {
  readonly code = "FEED_UNREADABLE";
  readonly reason: string;

  constructor(reason: string) {
    super(`Feed: ${reason}`);
    this.name = "FeedParseError";
    this.reason = reason;
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Prefixes differ between sites (`news:`, `n:`); the local names do not.
  removeNSPrefix: true,
  // Atom's XHTML content is markup inside the feed: kept as text, stripped below.
  stopNodes: ["feed.entry.content", "feed.entry.summary"],
  parseTagValue: false,
  parseAttributeValue: false,
  // Entity declarations are refused before parsing; these limits are a second wall.
  processEntities: {
    enabled: true,
    maxEntityCount: 0,
    maxTotalExpansions: 10_000,
    maxExpandedLength: 1_000_000,
  },
  maxNestedTags: 100,
  isArray: (name) => ["item", "entry", "url", "link"].includes(name),
});

const TAG = /<[^>]*>/g;
const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos|nbsp);/gi;
const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};
const SPACE = /\s+/g;
const ENTITY_DECLARATION = /<!ENTITY/i;

function decodeEntity(whole: string, name: string): string {
  if (name[0] !== "#") return NAMED[name.toLowerCase()] ?? whole;
  const code =
    name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

/** Markup or text as one plain line: tags dropped, the usual entities decoded, spaces collapsed. */
function plain(value: unknown): string | null {
  let raw: unknown = value;
  if (Array.isArray(raw)) raw = raw[0];
  if (typeof raw === "object" && raw !== null) raw = (raw as Record<string, unknown>)["#text"];
  if (typeof raw !== "string" && typeof raw !== "number") return null;
  const text = String(raw)
    .slice(0, MAX_ITEM_TEXT * 4)
    .replace(TAG, " ")
    .replace(ENTITY, decodeEntity)
    .replace(SPACE, " ")
    .trim();
  return text === "" ? null : text.slice(0, MAX_ITEM_TEXT);
}

function absolute(value: string | null, base: string | null): string | null {
  if (value === null) return null;
  try {
    const url = base === null ? new URL(value) : new URL(value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

type Node = Record<string, unknown>;

function asList(value: unknown): Node[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is Node => typeof v === "object" && v !== null);
}

function joined(...parts: Array<string | null>): string | null {
  const text = parts.filter((p) => p !== null).join("\n");
  return text === "" ? null : text;
}

/** ISO 8601 as the publisher wrote it (its calendar day), else RFC 822 as RSS writes it (in UTC). */
function itemDay(value: string | null): string | null {
  if (value === null) return null;
  const day = dayOf(value);
  if (day !== null) return day;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : null;
}

const ROOT = /<([\w.-]+:)?(rss|feed|urlset)[\s>]/;
const ITEM_START: Record<string, RegExp> = {
  rss: /<(?:[\w.-]+:)?item[\s>]/g,
  feed: /<(?:[\w.-]+:)?entry[\s>]/g,
  urlset: /<(?:[\w.-]+:)?url[\s>]/g,
};

/**
 * The document cut before its item MAX_FEED_ITEMS + 1, closed again, and how many items it had: a
 * feed of 100,000 items is scanned once and parsed no further than what is read. Null when the
 * feed has no more items than that (or its root is not one this reads).
 */
function cutAfterItems(body: string): { text: string; total: number } | null {
  const root = ROOT.exec(body.slice(0, 4096));
  if (root === null) return null;
  const prefix = root[1] ?? "";
  const name = root[2] as string;
  const itemStart = ITEM_START[name] as RegExp;
  let total = 0;
  let cut = -1;
  for (const match of body.matchAll(itemStart)) {
    total++;
    if (total === MAX_FEED_ITEMS + 1) cut = match.index;
  }
  if (cut < 0) return null;
  const close = name === "rss" ? `</channel></${prefix}rss>` : `</${prefix}${name}>`;
  return { text: body.slice(0, cut) + close, total };
}

function rssItem(item: Node, base: string | null): FeedItem {
  const guid = item.guid;
  const permalink =
    typeof guid === "object" && guid !== null && (guid as Node)["@_isPermaLink"] === "false"
      ? null
      : plain(guid);
  const link = absolute(plain(item.link), base) ?? absolute(permalink, base);
  return {
    link,
    title: plain(item.title),
    text: joined(plain(item.description), plain(item.encoded)),
    published: itemDay(plain(item.pubDate) ?? plain(item.date)),
  };
}

function atomItem(entry: Node, base: string | null): FeedItem {
  const links = asList(entry.link);
  const alternate =
    links.find((l) => l["@_rel"] === undefined || l["@_rel"] === "alternate") ?? null;
  const href = alternate === null ? null : plain(alternate["@_href"]);
  return {
    link: absolute(href, base),
    title: plain(entry.title),
    text: joined(plain(entry.summary), plain(entry.content)),
    published: itemDay(plain(entry.published) ?? plain(entry.updated)),
  };
}

function sitemapItem(url: Node): FeedItem | null {
  const news = asList(url.news)[0];
  if (news === undefined) return null;
  return {
    link: absolute(plain(url.loc), null),
    title: plain(news.title),
    text: plain(news.keywords),
    published: itemDay(plain(news.publication_date)),
  };
}

function readJsonFeed(text: string): FeedRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError(`malformed JSON: ${(error as Error).message}`);
  }
  const feed = typeof data === "object" && data !== null ? (data as Node) : {};
  const version = typeof feed.version === "string" ? feed.version : "";
  if (!version.startsWith("https://jsonfeed.org/version/1") || !Array.isArray(feed.items)) {
    throw new FeedParseError("JSON that is not a JSON Feed (no jsonfeed.org version or no items)");
  }
  const base = typeof feed.home_page_url === "string" ? feed.home_page_url : null;
  const all = asList(feed.items);
  const items = all.slice(0, MAX_FEED_ITEMS).map((item) => ({
    link: absolute(plain(item.url), base) ?? absolute(plain(item.external_url), base),
    title: plain(item.title),
    text: joined(plain(item.summary), plain(item.content_text) ?? plain(item.content_html)),
    published: itemDay(plain(item.date_published)),
  }));
  return { format: "json-feed", items, totalItems: all.length };
}

/** Where relative links in an XML feed resolve: the channel's or feed's own link. */
function channelBase(node: Node): string | null {
  for (const link of asList(node.link)) {
    const href = plain(link["@_href"]);
    if (href !== null && (link["@_rel"] === undefined || link["@_rel"] === "alternate"))
      return href;
  }
  const text = plain(node.link);
  return text !== null && /^https?:/i.test(text) ? text : null;
}

/** The parsed document, or why it is malformed (the validator names the line). */
function parseXml(text: string): { doc: Node } | { problem: string } {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return { problem: `malformed XML at line ${valid.err.line}: ${valid.err.msg}` };
  try {
    return { doc: parser.parse(text) as Node };
  } catch (error) {
    return { problem: `malformed XML: ${(error as Error).message}` };
  }
}

/**
 * Reads a feed's items, at most MAX_FEED_ITEMS. `mediaType` picks JSON or XML; the document's root
 * picks the format. Throws FeedParseError for malformed XML (naming the line), entity declarations
 * (refused outright: no news feed needs them, and they are how entity bombs are built) and anything
 * that is not a feed.
 */
export function readFeed(text: string, mediaType: string): FeedRead {
  const body = text.replace(/^\uFEFF/, "").trimStart();
  if (mediaType.includes("json") || body.startsWith("{")) return readJsonFeed(body);
  if (ENTITY_DECLARATION.test(body)) {
    throw new FeedParseError("the XML declares entities (<!ENTITY>), which feeds never need");
  }
  // A long feed is parsed only as far as it is read; if the cut lands somewhere odd (an item tag
  // inside CDATA), the whole document is parsed instead.
  const cut = cutAfterItems(body);
  let parsed = cut === null ? null : parseXml(cut.text);
  if (parsed === null || "problem" in parsed) parsed = parseXml(body);
  if ("problem" in parsed) throw new FeedParseError(parsed.problem);
  const doc = parsed.doc;
  const counted = (read: FeedRead): FeedRead =>
    cut === null ? read : { ...read, totalItems: Math.max(read.totalItems, cut.total) };
  const rss = asList(doc.rss)[0];
  if (rss !== undefined) {
    const channel = asList(rss.channel)[0] ?? {};
    const base = channelBase(channel);
    const all = asList(channel.item);
    return counted({
      format: "rss",
      items: all.slice(0, MAX_FEED_ITEMS).map((item) => rssItem(item, base)),
      totalItems: all.length,
    });
  }
  const atom = asList(doc.feed)[0];
  if (atom !== undefined) {
    const base = channelBase(atom);
    const all = asList(atom.entry);
    return counted({
      format: "atom",
      items: all.slice(0, MAX_FEED_ITEMS).map((entry) => atomItem(entry, base)),
      totalItems: all.length,
    });
  }
  const urlset = asList(doc.urlset)[0];
  if (urlset !== undefined) {
    const all = asList(urlset.url)
      .map(sitemapItem)
      .filter((item): item is FeedItem => item !== null);
    if (all.length === 0 && asList(urlset.url).length > 0) {
      throw new FeedParseError("a sitemap without <news:news> entries: not a news sitemap");
    }
    return counted({
      format: "news-sitemap",
      items: all.slice(0, MAX_FEED_ITEMS),
      totalItems: all.length,
    });
  }
  const root = Object.keys(doc).find((key) => !key.startsWith("?")) ?? "nothing";
  throw new FeedParseError(`not RSS, Atom, a JSON Feed or a news sitemap (the root is <${root}>)`);
}

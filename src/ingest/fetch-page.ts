import type { lookup as dnsLookup } from "node:dns";
import type { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import * as robotsModule from "robots-parser";
import { type Agent, request } from "undici";
import type { FeedSettings } from "../config.js";
import { FetchError } from "./fetch-error.js";
import type { FetchedPage, FetchOptions, FetchPurpose, PageFetcher } from "./fetch-types.js";
import { BlockedAddressError, createGuardedAgent } from "./guarded-agent.js";
import { type IngestLogger, SILENT_LOGGER } from "./ingest-logger.js";
import { createOriginGate } from "./origin-gate.js";

export type { FetchedPage, FetchOptions, PageFetcher } from "./fetch-types.js";

// The one way the bot reads the web (feeds, pages, robots.txt). Polite: it names itself and a
// contact, honours robots.txt, asks one origin one thing at a time, and waits when told to. Bounded:
// connect, header and total deadlines, five redirects, a byte cap counted after decompression, and
// only the content types it can read. Safe: http(s) only, no credentials in URLs, and every
// connection through the address guard (guarded-agent.ts).

/** The name robots.txt rules address; the User-Agent starts with it. */
export const ROBOTS_AGENT = "SyriaDeskBot";
export const MAX_REDIRECTS = 5;
/** robots.txt files are small; Google reads 500 KiB of one. */
const MAX_ROBOTS_BYTES = 512 * 1024;
/** A robots.txt is read again after this long. */
const ROBOTS_TTL_MS = 3600 * 1000;
/** A robots.txt that answered 5xx forbids the site for this long, then it is asked again. */
const ROBOTS_ERROR_TTL_MS = 10 * 60 * 1000;
/** A 429 or 503 without Retry-After: the origin is left alone this long. */
const DEFAULT_RETRY_AFTER_MS = 60_000;
/** The longest Retry-After honoured; a site asking for more is asked again after a day. */
const MAX_RETRY_AFTER_MS = 24 * 3600 * 1000;

/** The User-Agent: the bot's name and how to reach whoever runs it. */
export function userAgentFor(contact: string | null): string {
  return `${ROBOTS_AGENT}/1.0 (news bot that quotes articles${contact === null ? "" : `; +${contact}`})`;
}

const MEDIA_TYPES: Record<FetchPurpose | "robots", ReadonlySet<string>> = {
  article: new Set(["text/html", "application/xhtml+xml", "text/plain"]),
  feed: new Set([
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
    "application/json",
    // Some sites serve their feed as HTML or plain text; the feed reader says whether it is one.
    "text/html",
    "text/plain",
  ]),
  robots: new Set(["text/plain"]),
};

const ACCEPT: Record<FetchPurpose | "robots", string> = {
  article: "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5",
  feed: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
  robots: "text/plain",
};

export type FetcherSettings = Pick<
  FeedSettings,
  | "maxFeedBytes"
  | "maxArticleBytes"
  | "fetchContact"
  | "fetchAllowHosts"
  | "fetchConnectTimeoutMs"
  | "fetchHeadersTimeoutMs"
  | "fetchTimeoutMs"
  | "fetchMinIntervalMs"
>;

export interface FetcherDeps {
  logger?: IngestLogger;
  now?: () => number;
  /** How host names resolve (a test points a name at its local server); the system's otherwise. */
  lookup?: typeof dnsLookup;
  /** A test's own certificate authority, for a local HTTPS server. */
  tls?: { ca?: string | Buffer };
}

/** The reason a URL is never fetched, or null: http(s) only, no user or password. */
export function urlProblem(url: URL): string | null {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `only http and https URLs are fetched, not ${url.protocol}`;
  }
  if (url.username !== "" || url.password !== "") return "the URL carries a user or password";
  return null;
}

function header(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | null {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === "" ? null : first.trim();
}

/** Retry-After in seconds or as an HTTP date → ms since the epoch; null when absent or unreadable. */
export function retryAtFrom(value: string | null, now: number): number | null {
  if (value === null) return null;
  const at = /^\d+$/.test(value) ? now + Number(value) * 1000 : Date.parse(value);
  if (!Number.isFinite(at)) return null;
  return Math.min(Math.max(at, now), now + MAX_RETRY_AFTER_MS);
}

const CHARSET = /charset\s*=\s*["']?([\w.:-]{1,40})/i;
const META_CHARSET = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]{1,40})/i;
const XML_ENCODING = /^<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]{1,40})/i;

/** The body as text, in the charset the headers, the page's meta tag or the XML declaration name. */
function decodeBody(bytes: Buffer, contentType: string): string {
  const head = bytes.subarray(0, 2048).toString("latin1");
  const label =
    CHARSET.exec(contentType)?.[1] ??
    XML_ENCODING.exec(head)?.[1] ??
    META_CHARSET.exec(head)?.[1] ??
    "utf-8";
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

function decoderFor(encoding: string | null): Transform | null | "unsupported" {
  switch ((encoding ?? "identity").toLowerCase()) {
    case "identity":
      return null;
    case "gzip":
    case "x-gzip":
      return createGunzip();
    case "deflate":
      return createInflate();
    case "br":
      return createBrotliDecompress();
    default:
      return "unsupported";
  }
}

/** Drops a body not read: the connection closes and its late errors go nowhere. */
function discard(body: Readable): void {
  body.on("error", () => {});
  body.destroy();
}

/** Reads a body up to `cap` bytes after decompression; a gzip bomb stops at the cap. */
async function readCapped(
  body: Readable,
  encoding: string | null,
  cap: number,
  fail: (code: "FETCH_TOO_LARGE" | "FETCH_CONTENT_TYPE", reason: string) => FetchError,
  capName: string,
): Promise<Buffer> {
  const decoder = decoderFor(encoding);
  if (decoder === "unsupported") {
    discard(body);
    throw fail("FETCH_CONTENT_TYPE", `an unsupported Content-Encoding (${encoding})`);
  }
  const stream: Readable = decoder === null ? body : pipeline(body, decoder, () => {});
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      length += (chunk as Buffer).length;
      if (length > cap) {
        throw fail(
          "FETCH_TOO_LARGE",
          `the body is over ${capName} (${cap} bytes)${decoder ? " once decompressed" : ""}`,
        );
      }
      chunks.push(chunk as Buffer);
    }
  } finally {
    stream.on("error", () => {});
    stream.destroy();
    discard(body);
  }
  return Buffer.concat(chunks, length);
}

/** Turns what undici, the guard, TLS or the deadline threw into one FetchError naming `url`. */
function asFetchError(
  error: unknown,
  url: string,
  settings: FetcherSettings,
  timedOut: boolean,
): FetchError {
  if (error instanceof FetchError) return error;
  if (timedOut) {
    return new FetchError(
      "FETCH_TIMEOUT",
      url,
      `no complete answer within FETCH_TIMEOUT_MS (${settings.fetchTimeoutMs} ms)`,
    );
  }
  let cause: unknown = error;
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
    if (cause instanceof BlockedAddressError)
      return new FetchError("FETCH_BLOCKED_ADDRESS", url, cause.reason);
    const code = (cause as NodeJS.ErrnoException).code ?? "";
    if (code === "UND_ERR_CONNECT_TIMEOUT") {
      return new FetchError(
        "FETCH_TIMEOUT",
        url,
        `no connection within FETCH_CONNECT_TIMEOUT_MS (${settings.fetchConnectTimeoutMs} ms)`,
      );
    }
    if (code === "UND_ERR_HEADERS_TIMEOUT") {
      return new FetchError(
        "FETCH_TIMEOUT",
        url,
        `no response headers within FETCH_HEADERS_TIMEOUT_MS (${settings.fetchHeadersTimeoutMs} ms)`,
      );
    }
    if (code === "UND_ERR_BODY_TIMEOUT")
      return new FetchError("FETCH_TIMEOUT", url, "the body stopped arriving");
    if (/CERT|SSL|TLS|EPROTO/i.test(code) || /SSL|TLS|certificate/i.test(cause.message)) {
      return new FetchError("FETCH_TLS", url, `TLS error: ${tlsReason(cause.message)}`);
    }
    if (code === "ENOTFOUND" || code === "EAI_AGAIN")
      return new FetchError("FETCH_NETWORK", url, `cannot resolve ${safeHost(url)}`);
    if (code === "ECONNREFUSED") return new FetchError("FETCH_NETWORK", url, "connection refused");
    if (code === "ECONNRESET" || code === "UND_ERR_SOCKET")
      return new FetchError("FETCH_NETWORK", url, "the connection was closed");
    if (cause.cause === undefined) break;
    cause = cause.cause;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new FetchError("FETCH_NETWORK", url, `network error: ${message.split("\n")[0]}`);
}

/** OpenSSL's `…:SSL routines:ssl3_get_record:wrong version number:…` → `wrong version number`. */
function tlsReason(message: string): string {
  const openssl = /SSL routines:[\w]*:([^:]+)/.exec(message);
  return openssl?.[1] ?? message.split("\n")[0] ?? message;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

type Purpose = FetchPurpose | "robots";
interface RobotsTxt {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
}
/** robots-parser is CommonJS; its typings declare the function without a callable default. */
const robotsParser = (
  robotsModule as unknown as { default: (url: string, text: string) => RobotsTxt }
).default;
type RobotsRules = RobotsTxt | "allow-all" | { forbidden: string };

/**
 * The bot's fetcher: one undici Agent behind the address guard, with politeness per origin and a
 * robots.txt cache. Close it when done.
 */
export function createPageFetcher(settings: FetcherSettings, deps: FetcherDeps = {}): PageFetcher {
  const logger = deps.logger ?? SILENT_LOGGER;
  const now = deps.now ?? Date.now;
  const agent: Agent = createGuardedAgent({
    allowHosts: settings.fetchAllowHosts,
    connectTimeoutMs: settings.fetchConnectTimeoutMs,
    headersTimeoutMs: settings.fetchHeadersTimeoutMs,
    bodyTimeoutMs: settings.fetchHeadersTimeoutMs,
    ...(deps.lookup ? { lookup: deps.lookup } : {}),
    ...(deps.tls ? { tls: deps.tls } : {}),
  });
  const gate = createOriginGate(settings.fetchMinIntervalMs, now);
  const robots = new Map<string, { rules: Promise<RobotsRules>; expires: number }>();
  const userAgent = userAgentFor(settings.fetchContact);
  const caps: Record<Purpose, [number, string]> = {
    article: [settings.maxArticleBytes, "MAX_ARTICLE_BYTES"],
    feed: [settings.maxFeedBytes, "MAX_FEED_BYTES"],
    robots: [MAX_ROBOTS_BYTES, "the robots.txt cap"],
  };

  /** One request to one URL, inside the origin's gate; no redirect followed. */
  type Hop = { kind: "redirect"; location: string } | { kind: "page"; page: FetchedPage };
  const hop = (
    asked: string,
    current: URL,
    purpose: Purpose,
    options: FetchOptions | null,
    signal: AbortSignal,
  ): Promise<Hop> =>
    gate.run(current.origin, async () => {
      const fail = (
        code: ConstructorParameters<typeof FetchError>[0],
        reason: string,
        retryAt: number | null = null,
      ) =>
        new FetchError(
          code,
          asked,
          current.href === asked ? reason : `${reason} (at ${current.href})`,
          retryAt,
        );
      const blocked = gate.blockedUntil(current.origin);
      if (blocked !== null) {
        throw fail(
          "FETCH_BACKING_OFF",
          `${current.origin} asked us to wait until ${new Date(blocked).toISOString()}`,
          blocked,
        );
      }
      const headers: Record<string, string> = {
        "user-agent": userAgent,
        accept: ACCEPT[purpose],
        "accept-encoding": "gzip, deflate, br",
      };
      if (options?.etag) headers["if-none-match"] = options.etag;
      if (options?.lastModified) headers["if-modified-since"] = options.lastModified;
      const response = await request(current, {
        dispatcher: agent,
        method: "GET",
        headers,
        signal,
      });
      const { statusCode: status } = response;
      const h = response.headers;
      const location = header(h, "location");
      if (status >= 300 && status < 400 && status !== 304 && location !== null) {
        discard(response.body);
        return { kind: "redirect", location };
      }
      if (status === 304 && (options?.etag || options?.lastModified)) {
        discard(response.body);
        return {
          kind: "page",
          page: { notModified: true, url: asked, finalUrl: current.href, status: 304 },
        };
      }
      if (status === 429 || status === 503) {
        discard(response.body);
        const retryAt =
          retryAtFrom(header(h, "retry-after"), now()) ?? now() + DEFAULT_RETRY_AFTER_MS;
        gate.backOff(current.origin, retryAt);
        const after = Math.ceil((retryAt - now()) / 1000);
        throw fail(
          "FETCH_SERVER_ERROR",
          `HTTP ${status}; the site asks us to wait ${after} s`,
          retryAt,
        );
      }
      if (status < 200 || status >= 300) {
        discard(response.body);
        throw fail(status >= 500 ? "FETCH_SERVER_ERROR" : "FETCH_STATUS", `HTTP ${status}`);
      }
      const contentType = header(h, "content-type") ?? "";
      const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
      if (!MEDIA_TYPES[purpose].has(mediaType)) {
        discard(response.body);
        throw fail(
          "FETCH_CONTENT_TYPE",
          mediaType === "" ? "no Content-Type" : `a ${mediaType} body, not one the bot reads`,
        );
      }
      const [cap, capName] = caps[purpose];
      const declared = Number(header(h, "content-length") ?? "0");
      if (declared > cap && header(h, "content-encoding") === null) {
        discard(response.body);
        throw fail(
          "FETCH_TOO_LARGE",
          `the body is ${declared} bytes, over ${capName} (${cap} bytes)`,
        );
      }
      const bytes = await readCapped(
        response.body,
        header(h, "content-encoding"),
        cap,
        fail,
        capName,
      );
      return {
        kind: "page",
        page: {
          notModified: false,
          url: asked,
          finalUrl: current.href,
          status,
          mediaType,
          text: decodeBody(bytes, contentType),
          etag: header(h, "etag"),
          lastModified: header(h, "last-modified"),
        },
      };
    });

  /** Follows redirects by hand, checking each target's scheme, credentials and robots.txt. */
  const get = async (
    asked: string,
    purpose: Purpose,
    options: FetchOptions | null,
  ): Promise<FetchedPage> => {
    let current: URL;
    try {
      current = new URL(asked);
    } catch {
      throw new FetchError("FETCH_BAD_URL", asked, "not a URL");
    }
    const timeout = AbortSignal.timeout(settings.fetchTimeoutMs);
    const signal = options?.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    const visited = new Set<string>();
    try {
      for (let redirects = 0; ; redirects++) {
        const problem = urlProblem(current);
        if (problem !== null) {
          throw new FetchError(
            "FETCH_BAD_URL",
            asked,
            redirects === 0 ? problem : `a redirect to ${current.href}: ${problem}`,
          );
        }
        visited.add(current.href);
        if (purpose !== "robots") await checkRobots(asked, current);
        const result = await hop(asked, current, purpose, options, signal);
        if (result.kind === "page") return result.page;
        const next = new URL(result.location, current);
        if (visited.has(next.href)) {
          throw new FetchError(
            "FETCH_TOO_MANY_REDIRECTS",
            asked,
            `a redirect loop (back to ${next.href})`,
          );
        }
        if (redirects + 1 > MAX_REDIRECTS) {
          throw new FetchError(
            "FETCH_TOO_MANY_REDIRECTS",
            asked,
            `more than ${MAX_REDIRECTS} redirects`,
          );
        }
        current = next;
      }
    } catch (error) {
      throw asFetchError(error, asked, settings, timeout.aborted);
    }
  };

  const loadRobots = async (origin: string): Promise<RobotsRules> => {
    const url = `${origin}/robots.txt`;
    try {
      const page = await get(url, "robots", null);
      if (page.notModified) return "allow-all";
      return robotsParser(url, page.text);
    } catch (error) {
      if (error instanceof FetchError) {
        // No robots.txt (4xx) allows everything; a server error forbids the site for a while.
        if (error.code === "FETCH_STATUS" || error.code === "FETCH_CONTENT_TYPE")
          return "allow-all";
        if (error.code === "FETCH_SERVER_ERROR" || error.code === "FETCH_TOO_LARGE") {
          return { forbidden: `its robots.txt could not be read (${error.reason})` };
        }
      }
      throw error;
    }
  };

  const checkRobots = async (asked: string, url: URL): Promise<void> => {
    let entry = robots.get(url.origin);
    if (entry === undefined || entry.expires <= now()) {
      const rules = loadRobots(url.origin);
      entry = { rules, expires: now() + ROBOTS_TTL_MS };
      robots.set(url.origin, entry);
      rules.then(
        (r) => {
          if (typeof r === "object" && "forbidden" in r && entry)
            entry.expires = now() + ROBOTS_ERROR_TTL_MS;
        },
        () => robots.delete(url.origin),
      );
    }
    let rules: RobotsRules;
    try {
      rules = await entry.rules;
    } catch (error) {
      // The site cannot be reached for its robots.txt: the page cannot be either; say why.
      if (error instanceof FetchError)
        throw new FetchError(error.code, asked, error.reason, error.retryAt);
      throw error;
    }
    if (rules === "allow-all") return;
    if ("forbidden" in rules)
      throw new FetchError("FETCH_ROBOTS", asked, `${url.origin}: ${rules.forbidden}`);
    if (rules.isAllowed(url.href, ROBOTS_AGENT) === false) {
      logger.debug(`Fetch: robots.txt of ${url.origin} disallows ${url.href}`);
      throw new FetchError(
        "FETCH_ROBOTS",
        asked,
        `robots.txt of ${url.origin} disallows ${url.pathname}`,
      );
    }
  };

  return {
    fetch: (url, options) => get(url, options.purpose, options),
    close: async () => {
      if (!agent.closed && !agent.destroyed) await agent.close();
    },
  };
}

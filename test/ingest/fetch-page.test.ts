import type { LookupAddress } from "node:dns";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FetchError } from "../../src/ingest/fetch-error.js";
import type { FetcherSettings } from "../../src/ingest/fetch-page.js";
import {
  createPageFetcher,
  type FetcherDeps,
  type PageFetcher,
  ROBOTS_AGENT,
  retryAtFrom,
} from "../../src/ingest/fetch-page.js";
import {
  type FixtureSite,
  redirect,
  serve,
  startFixtureSite,
  status,
  testFetchSettings,
} from "./fixture-site.js";

let site: FixtureSite;
let fetcher: PageFetcher;

const open = (overrides: Partial<FetcherSettings> = {}, deps: FetcherDeps = {}) => {
  fetcher = createPageFetcher(testFetchSettings(site, overrides), deps);
  return fetcher;
};

beforeEach(async () => {
  site = await startFixtureSite();
});
afterEach(async () => {
  await fetcher?.close();
  await site.close();
});

const HTML = "<html><body><p>A page.</p></body></html>";

/** The FetchError a fetch ends in. */
async function refusal(url: string, purpose: "article" | "feed" = "article"): Promise<FetchError> {
  const error = await fetcher.fetch(url, { purpose }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe("createPageFetcher", () => {
  it("fetches a page, naming the bot and its contact, after reading robots.txt", async () => {
    site.route("/news/a", serve("text/html; charset=utf-8", HTML));
    open();
    const page = await fetcher.fetch(`${site.base}/news/a`, { purpose: "article" });
    expect(page).toMatchObject({
      notModified: false,
      status: 200,
      mediaType: "text/html",
      text: HTML,
    });
    expect(site.hits.map((h) => h.path)).toEqual(["/robots.txt", "/news/a"]);
    expect(site.hits[1]?.userAgent).toBe(
      `${ROBOTS_AGENT}/1.0 (news bot that quotes articles; +https://desk.example/contact)`,
    );
  });

  it("reads robots.txt once per origin, and honours its Disallow", async () => {
    site.route("/news/a", serve("text/html", HTML));
    open();
    await fetcher.fetch(`${site.base}/news/a`, { purpose: "article" });
    const error = await refusal(`${site.base}/private/report`);
    expect(error.code).toBe("FETCH_ROBOTS");
    expect(error.message).toBe(
      `Fetch: ${site.base}/private/report: robots.txt of ${site.base} disallows /private/report`,
    );
    expect(site.hits.filter((h) => h.path === "/robots.txt")).toHaveLength(1);
    expect(site.hits.some((h) => h.path === "/private/report")).toBe(false);
  });

  it("sends the feed's validators and reports 304 Not Modified", async () => {
    site.route("/rss.xml", (request, response) => {
      if (request.headers["if-none-match"] === '"v1"') {
        response.writeHead(304);
        response.end();
        return;
      }
      response.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' });
      response.end("<rss><channel></channel></rss>");
    });
    open();
    const first = await fetcher.fetch(`${site.base}/rss.xml`, { purpose: "feed" });
    expect(first).toMatchObject({ notModified: false, etag: '"v1"' });
    const second = await fetcher.fetch(`${site.base}/rss.xml`, { purpose: "feed", etag: '"v1"' });
    expect(second).toMatchObject({ notModified: true, status: 304 });
  });

  it("refuses 404 and 500 with the status", async () => {
    site.route("/gone", status(404));
    site.route("/broken", status(500));
    open();
    expect((await refusal(`${site.base}/gone`)).reason).toBe("HTTP 404");
    const broken = await refusal(`${site.base}/broken`);
    expect(broken).toMatchObject({
      reason: "HTTP 500",
      code: "FETCH_SERVER_ERROR",
      transient: true,
    });
  });

  it("honours 429's Retry-After: the origin is not asked again before it", async () => {
    site.route("/busy", status(429, { "retry-after": "120" }));
    site.route("/news/a", serve("text/html", HTML));
    open();
    const busy = await refusal(`${site.base}/busy`);
    expect(busy.reason).toBe("HTTP 429; the site asks us to wait 120 s");
    expect(busy.retryAt).toBeGreaterThan(Date.now() + 100_000);
    const hits = site.hits.length;
    const waiting = await refusal(`${site.base}/news/a`);
    expect(waiting.code).toBe("FETCH_BACKING_OFF");
    expect(waiting.reason).toMatch(/asked us to wait until \d{4}-/);
    expect(site.hits.length).toBe(hits);
  });

  it("refuses a page over MAX_ARTICLE_BYTES, announced or not", async () => {
    const big = `<html><body>${"<p>word </p>".repeat(1_000_000)}</body></html>`;
    site.route(
      "/big",
      serve("text/html", big, { "content-length": String(Buffer.byteLength(big)) }),
    );
    site.route("/big-chunked", (_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      for (let i = 0; i < 10; i++) response.write("x".repeat(1024 * 1024));
      response.end();
    });
    open();
    expect((await refusal(`${site.base}/big`)).reason).toBe(
      `the body is ${Buffer.byteLength(big)} bytes, over MAX_ARTICLE_BYTES (1048576 bytes)`,
    );
    expect((await refusal(`${site.base}/big-chunked`)).reason).toBe(
      "the body is over MAX_ARTICLE_BYTES (1048576 bytes)",
    );
  });

  it("stops a gzip bomb at the cap, counted after decompression", async () => {
    // 20 MB of zeros in 20 KB: twenty times the cap.
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    site.route("/bomb", serve("text/html", bomb, { "content-encoding": "gzip" }));
    open();
    const error = await refusal(`${site.base}/bomb`);
    expect(error.code).toBe("FETCH_TOO_LARGE");
    expect(error.reason).toBe(
      "the body is over MAX_ARTICLE_BYTES (1048576 bytes) once decompressed",
    );
  });

  it("reads a gzipped page", async () => {
    site.route("/zipped", serve("text/html", gzipSync(HTML), { "content-encoding": "gzip" }));
    open();
    const page = await fetcher.fetch(`${site.base}/zipped`, { purpose: "article" });
    expect(page.notModified === false && page.text).toBe(HTML);
  });

  it("gives up on a server that sends no headers within FETCH_HEADERS_TIMEOUT_MS", async () => {
    site.route("/slow", (_request, response) => {
      const timer = setTimeout(() => response.end(), 60_000);
      response.on("close", () => clearTimeout(timer));
    });
    open({ fetchHeadersTimeoutMs: 300 });
    const error = await refusal(`${site.base}/slow`);
    expect(error.code).toBe("FETCH_TIMEOUT");
    expect(error.reason).toBe("no response headers within FETCH_HEADERS_TIMEOUT_MS (300 ms)");
  });

  it("gives up when the whole fetch takes longer than FETCH_TIMEOUT_MS", async () => {
    site.route("/trickle", (_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      const timer = setInterval(() => response.write("<p>x</p>"), 50);
      response.on("close", () => clearInterval(timer));
    });
    open({ fetchTimeoutMs: 400 });
    const error = await refusal(`${site.base}/trickle`);
    expect(error.reason).toBe("no complete answer within FETCH_TIMEOUT_MS (400 ms)");
  });

  it("follows redirects, and stops a loop and a sixth redirect", async () => {
    site.route("/old", redirect("/news/a", 301));
    site.route("/news/a", serve("text/html", HTML));
    site.route("/loop-a", redirect("/loop-b"));
    site.route("/loop-b", redirect("/loop-a"));
    for (let i = 1; i <= 6; i++) site.route(`/hop${i}`, redirect(`/hop${i + 1}`));
    site.route("/hop7", serve("text/html", HTML));
    open();
    const page = await fetcher.fetch(`${site.base}/old`, { purpose: "article" });
    expect(page.finalUrl).toBe(`${site.base}/news/a`);
    expect((await refusal(`${site.base}/loop-a`)).reason).toBe(
      `a redirect loop (back to ${site.base}/loop-a)`,
    );
    expect((await refusal(`${site.base}/hop1`)).reason).toBe("more than 5 redirects");
  });

  it("refuses a redirect to 127.0.0.1 on another port and to 169.254.169.254, connecting to neither", async () => {
    const other = createServer((_request, response) => response.end("internal"));
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    let reached = false;
    other.on("request", () => {
      reached = true;
    });
    const otherPort = (other.address() as AddressInfo).port;
    site.route("/to-loopback", redirect(`http://127.0.0.1:${otherPort}/admin`));
    site.route("/to-metadata", redirect("http://169.254.169.254/latest/meta-data/"));
    open();
    try {
      const loopback = await refusal(`${site.base}/to-loopback`);
      expect(loopback.code).toBe("FETCH_BLOCKED_ADDRESS");
      expect(loopback.reason).toBe("127.0.0.1 is a loopback address");
      const metadata = await refusal(`${site.base}/to-metadata`);
      expect(metadata.code).toBe("FETCH_BLOCKED_ADDRESS");
      expect(metadata.reason).toBe("169.254.169.254 is a link-local address");
      expect(reached).toBe(false);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  it("checks the address a name resolves to, and IPv4-mapped IPv6 literals", async () => {
    const lookup = ((
      _host: string,
      _options: unknown,
      callback: (e: null, a: LookupAddress[]) => void,
    ) => callback(null, [{ address: "127.0.0.1", family: 4 }])) as unknown as FetcherDeps["lookup"];
    open({}, { lookup: lookup as NonNullable<FetcherDeps["lookup"]> });
    const named = await refusal(`http://news.test:${site.port}/news/a`);
    expect(named.reason).toBe("news.test is at 127.0.0.1, a loopback address");
    const mapped = await refusal(`http://[::ffff:127.0.0.1]:${site.port}/`);
    expect(mapped.code).toBe("FETCH_BLOCKED_ADDRESS");
  });

  it("refuses other schemes and URLs with credentials before any request", async () => {
    open();
    expect((await refusal("file:///etc/passwd")).reason).toBe(
      "only http and https URLs are fetched, not file:",
    );
    expect((await refusal(`http://admin:secret@127.0.0.1:${site.port}/`)).reason).toBe(
      "the URL carries a user or password",
    );
    site.route("/to-file", redirect("file:///etc/passwd"));
    expect((await refusal(`${site.base}/to-file`)).reason).toBe(
      "a redirect to file:///etc/passwd: only http and https URLs are fetched, not file:",
    );
    expect((await refusal("not a url")).code).toBe("FETCH_BAD_URL");
  });

  it("refuses content types it does not read", async () => {
    site.route("/report.pdf", serve("application/pdf", "%PDF-1.7"));
    site.route("/untyped", (_request, response) => {
      response.writeHead(200);
      response.end("?");
    });
    open();
    expect((await refusal(`${site.base}/report.pdf`)).reason).toBe(
      "a application/pdf body, not one the bot reads",
    );
    expect((await refusal(`${site.base}/untyped`)).reason).toBe("no Content-Type");
  });

  it("reports a TLS error: https to a plain-HTTP port", async () => {
    open();
    const error = await refusal(`https://127.0.0.1:${site.port}/news/a`);
    expect(error.code).toBe("FETCH_TLS");
    expect(error.reason).toMatch(/^TLS error: /);
  });

  it("decodes the charset the page names", async () => {
    const latin1 = Buffer.from(
      '<html><head><meta charset="iso-8859-1"></head><body><p>Café</p></body></html>',
      "latin1",
    );
    site.route("/latin1", serve("text/html", latin1));
    open();
    const page = await fetcher.fetch(`${site.base}/latin1`, { purpose: "article" });
    expect(page.notModified === false && page.text).toContain("<p>Café</p>");
  });
});

describe("retryAtFrom", () => {
  it("reads seconds and HTTP dates, and caps them at a day", () => {
    const now = Date.UTC(2025, 0, 1);
    expect(retryAtFrom("30", now)).toBe(now + 30_000);
    expect(retryAtFrom("Wed, 01 Jan 2025 00:02:00 GMT", now)).toBe(now + 120_000);
    expect(retryAtFrom("999999999", now)).toBe(now + 24 * 3600 * 1000);
    expect(retryAtFrom("soon", now)).toBeNull();
    expect(retryAtFrom(null, now)).toBeNull();
  });
});

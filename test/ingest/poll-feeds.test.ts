import { writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPageFetcher } from "../../src/ingest/fetch-page.js";
import { describeResult } from "../../src/ingest/ingest-result.js";
import { FAILING_AFTER, type PollDeps, pollFeedsOnce } from "../../src/ingest/poll-feeds.js";
import { serve, status, testFetchSettings } from "./fixture-site.js";
import { type IngestSite, NOW, startIngestSite } from "./ingest-site.js";

let s: IngestSite;
let deps: PollDeps;
let feedsFile: string;

beforeEach(async () => {
  s = await startIngestSite();
  feedsFile = join(s.dir, "feeds.yml");
  deps = {
    corpusDir: s.corpusDir,
    fetcher: s.fetcher,
    maxArticleBytes: 1024 * 1024,
    feedPollSeconds: 900,
    logger: s.logger,
    now: () => NOW,
  };
});
afterEach(async () => {
  await s.close();
});

const writeFeeds = (paths: string[], extra = "") =>
  writeFile(
    feedsFile,
    `story: Dockworkers strike at the port\nmatch: [strike, dockworkers, stoppage]\nfeeds:\n${paths
      .map((p) => `  - url: ${s.site.base}${p}\n`)
      .join("")}${extra}`,
  );

/** Each item's result as one line, with the site's address and the corpus folder dropped. */
function lines(outcome: Awaited<ReturnType<typeof pollFeedsOnce>>): string[] {
  return outcome.items.map((i) =>
    describeResult(i.result)
      .replaceAll(s.site.base, "")
      .replaceAll(`${s.corpusDir}/`, "")
      .replace(/\d{3}_[0-9a-f]{16}\.md/g, "FILE"),
  );
}

describe("pollFeedsOnce", () => {
  it("polls RSS, Atom, JSON Feed and a news sitemap: on-story items added, the rest said why", async () => {
    await writeFeeds(["/rss.xml", "/atom.xml", "/feed.json", "/news-sitemap.xml"]);
    const outcome = await pollFeedsOnce(feedsFile, deps);
    expect(outcome.problems).toEqual([]);
    expect(lines(outcome)).toEqual([
      "added FILE: Dockworkers walk out as port talks collapse (The Quayside Courier, 2025-01-13)",
      "off-story: Harbour bridge reopens after two years of repairs",
      'refused /rss.xml: the item "Live: strike day one as it happened" has no link',
      "duplicate of FILE (same url): /news/strike-day-one#comments",
      "added FILE: Ministers summoned as the port stands still (Harbour Ledger, 2025-01-14)",
      "off-story: Gull numbers recover on the outer moles",
      "added FILE: Ministers summoned as the port stands still (Coastline Daily, 2025-01-14); a copy of FILE",
      "off-story: Winter regatta postponed by fog",
      "added FILE: Second day of the port stoppage: ferries diverted (The Quayside Courier, 2025-01-14)",
      "off-story: Lighthouse keeper's cottage sold at auction",
    ]);
    expect(outcome.addedFiles).toHaveLength(4);
    expect(await s.corpusFiles()).toEqual(outcome.addedFiles.map((f) => basename(f)).sort());
    expect(
      outcome.feeds.map((f) => [f.url.replace(s.site.base, ""), f.itemsAdded, f.lastError]),
    ).toEqual([
      ["/rss.xml", 1, null],
      ["/atom.xml", 1, null],
      ["/feed.json", 1, null],
      ["/news-sitemap.xml", 1, null],
    ]);
    // Off-story items are not fetched.
    expect(s.site.hits.some((h) => h.path === "/news/bridge")).toBe(false);
  });

  it("does not fetch an item again on the next poll: it names the file it is in", async () => {
    await writeFeeds(["/rss.xml"]);
    const first = await pollFeedsOnce(feedsFile, deps);
    const fetches = s.site.hits.filter((h) => h.path === "/news/strike-day-one").length;
    const second = await pollFeedsOnce(feedsFile, { ...deps, previous: first.feeds });
    expect(second.addedFiles).toEqual([]);
    expect(lines(second)).toContain(
      "duplicate of FILE (same url): /news/strike-day-one?utm_source=rss&utm_medium=feed",
    );
    expect(s.site.hits.filter((h) => h.path === "/news/strike-day-one").length).toBe(fetches);
    expect(second.feeds[0]?.itemsAdded).toBe(1);
  });

  it("sends the last ETag and reads nothing when the feed has not changed", async () => {
    s.site.route("/etag.xml", (request, response) => {
      if (request.headers["if-none-match"] === '"feed-1"') {
        response.writeHead(304);
        response.end();
        return;
      }
      response.writeHead(200, { "content-type": "application/rss+xml", etag: '"feed-1"' });
      response.end(
        "<rss><channel><item><title>Quiet day</title><link>https://a.example/q</link></item></channel></rss>",
      );
    });
    await writeFeeds(["/etag.xml"]);
    const first = await pollFeedsOnce(feedsFile, deps);
    expect(first.feeds[0]?.etag).toBe('"feed-1"');
    const second = await pollFeedsOnce(feedsFile, { ...deps, previous: first.feeds });
    expect(second.items).toEqual([]);
    expect(second.feeds[0]).toMatchObject({
      lastError: null,
      consecutiveFailures: 0,
      etag: '"feed-1"',
    });
  });

  it("refuses a malformed feed with its line, and a feed of 100,000 items is read to its 500th", async () => {
    s.site.route(
      "/broken.xml",
      serve("application/rss+xml", "<rss><channel><item><title>x</title></channel></rss>"),
    );
    const many = Array.from(
      { length: 100_000 },
      (_, i) => `<item><title>Quiet ${i}</title><link>${s.site.base}/q/${i}</link></item>`,
    );
    s.site.route(
      "/many.xml",
      serve("application/rss+xml", `<rss><channel>${many.join("")}</channel></rss>`),
    );
    await writeFeeds(["/broken.xml", "/many.xml"]);
    // MAX_FEED_BYTES at its default: the feed's 10 MB are read, then its first 500 items.
    const fetcher = createPageFetcher(
      testFetchSettings(s.site, { maxFeedBytes: 20 * 1024 * 1024 }),
    );
    const outcome = await pollFeedsOnce(feedsFile, { ...deps, fetcher }).finally(() =>
      fetcher.close(),
    );
    const broken = outcome.items.filter((i) => i.feedUrl.endsWith("/broken.xml"));
    expect(lines({ ...outcome, items: broken })).toEqual([
      "refused /broken.xml: malformed XML at line 1: Expected closing tag 'item' (opened in line 1, col 15) instead of closing tag 'channel'.",
    ]);
    expect(outcome.feeds[0]).toMatchObject({ consecutiveFailures: 1, failing: false });
    expect(outcome.items.filter((i) => i.feedUrl.endsWith("/many.xml"))).toHaveLength(500);
    expect(s.logs).toContain(
      `info Feeds: ${s.site.base}/many.xml: 100000 items; only the first 500 are read`,
    );
    expect(await s.corpusFiles()).toEqual([]);
  });

  it("marks a feed failing after three failures in a row, then backs off instead of polling it", async () => {
    s.site.route("/down.xml", status(500));
    await writeFeeds(["/down.xml"]);
    let previous = (await pollFeedsOnce(feedsFile, deps)).feeds;
    for (let i = 1; i < FAILING_AFTER; i++) {
      previous = (await pollFeedsOnce(feedsFile, { ...deps, previous })).feeds;
    }
    expect(previous[0]).toMatchObject({
      consecutiveFailures: 3,
      failing: true,
      lastError: "HTTP 500",
    });
    const retryAt = Date.parse(previous[0]?.nextAttemptAt ?? "");
    expect(retryAt).toBe(NOW + 2 * 900_000);
    const hits = s.site.hits.length;
    const skipped = await pollFeedsOnce(feedsFile, { ...deps, previous });
    expect(skipped.items).toEqual([]);
    expect(s.site.hits.length).toBe(hits);
    // Once the backoff is over it is tried again, and a success clears it.
    s.site.route("/down.xml", serve("application/rss+xml", "<rss><channel></channel></rss>"));
    const later = await pollFeedsOnce(feedsFile, { ...deps, previous, now: () => retryAt + 1 });
    expect(later.feeds[0]).toMatchObject({
      consecutiveFailures: 0,
      failing: false,
      lastError: null,
      nextAttemptAt: null,
    });
  });

  it("refuses a feed over MAX_FEED_BYTES, naming the feed", async () => {
    s.site.route(
      "/huge.xml",
      serve("application/rss+xml", `<rss><channel>${"<item/>".repeat(400_000)}</channel></rss>`),
    );
    await writeFeeds(["/huge.xml"]);
    const outcome = await pollFeedsOnce(feedsFile, deps);
    expect(lines(outcome)).toEqual([
      "refused /huge.xml: the body is over MAX_FEED_BYTES (2097152 bytes)",
    ]);
  });

  it("polls nothing without a feeds file, and polls the good feeds of a file with problems", async () => {
    const none = await pollFeedsOnce(join(s.dir, "absent.yml"), deps);
    expect(none).toMatchObject({ fileFound: false, items: [], feeds: [] });
    await writeFeeds(["/news-sitemap.xml"], "  - url: ftp://files.example/feed\n");
    const outcome = await pollFeedsOnce(feedsFile, deps);
    expect(outcome.problems).toEqual([
      `${feedsFile}:5: only http and https URLs are fetched, got ftp:`,
    ]);
    expect(outcome.addedFiles).toHaveLength(1);
  });
});

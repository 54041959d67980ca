import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPageFetcher, type PageFetcher } from "../../src/ingest/fetch-page.js";
import type { IngestLogger } from "../../src/ingest/ingest-logger.js";
import {
  type FixtureSite,
  fixtureText,
  serve,
  startFixtureSite,
  testFetchSettings,
} from "./fixture-site.js";

// The outlets' site for the pipeline tests: every fixture feed and article page at the path its
// feed links to, a corpus folder of its own, and a logger that keeps what it was told.

export const NOW = Date.UTC(2025, 0, 20, 12);

export const PAGES: Record<string, string> = {
  "/news/strike-day-one": "strike-day-one.html",
  "/news/strike-day-two": "strike-day-two.html",
  "/ledger/wire-strike": "ledger-wire-strike.html",
  "/coastline/wire-strike": "coastline-wire-strike.html",
  "/news/bridge": "no-article.html",
  "/news/missing-article": "no-article.html",
};

export const FEEDS: Record<string, [file: string, type: string]> = {
  "/rss.xml": ["rss.xml", "application/rss+xml; charset=utf-8"],
  "/atom.xml": ["atom.xml", "application/atom+xml"],
  "/feed.json": ["feed.json", "application/feed+json"],
  "/news-sitemap.xml": ["news-sitemap.xml", "application/xml"],
};

export interface IngestSite {
  site: FixtureSite;
  fetcher: PageFetcher;
  corpusDir: string;
  dir: string;
  logs: string[];
  logger: IngestLogger;
  /** The `.md` files in the corpus folder, and anything else left there. */
  corpusFiles(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startIngestSite(): Promise<IngestSite> {
  const site = await startFixtureSite();
  for (const [path, file] of Object.entries(PAGES)) {
    site.route(path, serve("text/html; charset=utf-8", fixtureText(file, site.base)));
  }
  for (const [path, [file, type]] of Object.entries(FEEDS)) {
    site.route(path, serve(type, fixtureText(file, site.base)));
  }
  const dir = await mkdtemp(join(tmpdir(), "ingest-"));
  const corpusDir = join(dir, "corpus");
  const logs: string[] = [];
  const logger: IngestLogger = {
    debug: (m) => logs.push(`debug ${m}`),
    info: (m) => logs.push(`info ${m}`),
    warn: (m) => logs.push(`warn ${m}`),
  };
  const fetcher = createPageFetcher(testFetchSettings(site), { logger });
  return {
    site,
    fetcher,
    corpusDir,
    dir,
    logs,
    logger,
    corpusFiles: async () => (await readdir(corpusDir).catch(() => [] as string[])).sort(),
    close: async () => {
      await fetcher.close();
      await site.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

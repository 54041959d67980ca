import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadCorpus } from "../../src/corpus/load-corpus.js";
import { type IngestDeps, ingestFile, ingestUrl } from "../../src/ingest/ingest-article.js";
import { describeResult } from "../../src/ingest/ingest-result.js";
import { status } from "./fixture-site.js";
import { type IngestSite, NOW, startIngestSite } from "./ingest-site.js";

let s: IngestSite;
let deps: IngestDeps;

beforeEach(async () => {
  s = await startIngestSite();
  deps = {
    corpusDir: s.corpusDir,
    fetcher: s.fetcher,
    maxArticleBytes: 1024 * 1024,
    logger: s.logger,
    now: () => NOW,
  };
});
afterEach(async () => {
  await s.close();
});

const link = (addedBy: string | null = "U0EDITOR") => ({ kind: "link", addedBy }) as const;

async function frontMatter(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, "utf8");
  return parse(text.split("\n---\n")[0]?.replace(/^---\n/, "") ?? "") as Record<string, unknown>;
}

describe("ingestUrl", () => {
  it("adds a page: canonical URL, outlet and date from the page, who added it and when", async () => {
    const result = await ingestUrl(`${s.site.base}/news/strike-day-one`, link(), deps);
    expect(result).toMatchObject({
      status: "added",
      title: "Dockworkers walk out as port talks collapse",
      outlet: "The Quayside Courier",
      published: "2025-01-13",
      copyOf: null,
    });
    if (result.status !== "added") return;
    expect(basename(result.file)).toMatch(/^000_[0-9a-f]{16}\.md$/);
    expect(await frontMatter(result.file)).toEqual({
      title: "Dockworkers walk out as port talks collapse",
      outlet: "The Quayside Courier",
      url: "https://quaysidecourier.example/news/strike-day-one",
      published: "2025-01-13",
      language: "en",
      fetched_at: "2025-01-20T12:00:00.000Z",
      added_by: "U0EDITOR",
    });
    const [article] = await loadCorpus(s.corpusDir, { nowMilliseconds: NOW });
    expect(article?.body[0]?.text).toMatch(/^Cranes stood idle/);
    expect(await s.corpusFiles()).toEqual([basename(result.file)]);
    expect(describeResult(result)).toBe(
      `added ${result.file}: Dockworkers walk out as port talks collapse (The Quayside Courier, 2025-01-13)`,
    );
  });

  it("refuses the same article again, from the same or another address, naming the file", async () => {
    const first = await ingestUrl(`${s.site.base}/news/strike-day-one`, link(), deps);
    if (first.status !== "added") throw new Error(describeResult(first));
    const again = await ingestUrl(
      `${s.site.base}/news/strike-day-one?utm_source=slack#top`,
      link(),
      deps,
    );
    expect(again).toEqual({
      status: "duplicate",
      url: `${s.site.base}/news/strike-day-one?utm_source=slack#top`,
      file: first.file,
      reason: "url",
    });
    expect(describeResult(again)).toMatch(/^duplicate of .*000_[0-9a-f]{16}\.md \(same url\)/);
    expect(await s.corpusFiles()).toHaveLength(1);
  });

  it("keeps a wire story another outlet reprints, marked copy_of the earlier file", async () => {
    const ledger = await ingestUrl(`${s.site.base}/ledger/wire-strike`, link(), deps);
    if (ledger.status !== "added") throw new Error(describeResult(ledger));
    const coastline = await ingestUrl(`${s.site.base}/coastline/wire-strike`, link(), deps);
    expect(coastline).toMatchObject({
      status: "added",
      outlet: "Coastline Daily",
      copyOf: basename(ledger.file),
    });
    if (coastline.status !== "added") return;
    expect((await frontMatter(coastline.file)).copy_of).toBe(basename(ledger.file));
    const articles = await loadCorpus(s.corpusDir, { nowMilliseconds: NOW });
    const copy = articles.find((a) => a.file === coastline.file);
    expect(copy?.copyOf).toBe(basename(ledger.file, ".md"));
    expect(articles.find((a) => a.file === ledger.file)?.copyOf).toBeUndefined();
  });

  it("refuses a page with no readable article, and stores nothing", async () => {
    const result = await ingestUrl(`${s.site.base}/news/missing-article`, link(), deps);
    expect(result).toEqual({
      status: "refused",
      url: `${s.site.base}/news/missing-article`,
      reason: "no article text found in the page",
    });
    expect(await s.corpusFiles()).toEqual([]);
    expect(s.logs).toContain(
      `warn Ingest: refused ${s.site.base}/news/missing-article: no article text found in the page`,
    );
  });

  it("refuses what the fetcher refuses, with its reason: 404, robots.txt, a feed given as an article", async () => {
    s.site.route("/gone", status(404));
    expect(await ingestUrl(`${s.site.base}/gone`, link(), deps)).toMatchObject({
      status: "refused",
      reason: "HTTP 404",
    });
    expect(await ingestUrl(`${s.site.base}/private/memo`, link(), deps)).toMatchObject({
      status: "refused",
      reason: `robots.txt of ${s.site.base} disallows /private/memo`,
    });
    expect(await ingestUrl(`${s.site.base}/rss.xml`, link(), deps)).toMatchObject({
      status: "refused",
      reason: "a application/rss+xml body, not one the bot reads",
    });
    expect(await s.corpusFiles()).toEqual([]);
  });

  it("refuses an article whose corpus file would be over MAX_ARTICLE_BYTES", async () => {
    const result = await ingestUrl(`${s.site.base}/news/strike-day-one`, link(), {
      ...deps,
      maxArticleBytes: 500,
    });
    expect(result).toMatchObject({ status: "refused" });
    expect(result.status === "refused" && result.reason).toMatch(/over MAX_ARTICLE_BYTES \(500\)$/);
    expect(await s.corpusFiles()).toEqual([]);
  });

  it("refuses an article dated after today, as the loader would", async () => {
    const result = await ingestUrl(`${s.site.base}/news/strike-day-one`, link(), {
      ...deps,
      now: () => Date.UTC(2025, 0, 10),
    });
    expect(result).toMatchObject({
      status: "refused",
      reason: "'published' 2025-01-13 is after today (2025-01-10)",
    });
  });

  it("writes no file half: only whole corpus files are ever in the folder", async () => {
    await Promise.all([
      ingestUrl(`${s.site.base}/news/strike-day-one`, link(), deps),
      ingestUrl(`${s.site.base}/news/strike-day-two`, link(null), deps),
    ]);
    const files = await s.corpusFiles();
    expect(files).toHaveLength(2);
    expect(files.every((f) => /^\d{3}_[0-9a-f]{16}\.md$/.test(f))).toBe(true);
  });
});

describe("ingestFile", () => {
  const page = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

  it("adds a saved page through the same checks, without fetched_at, and refuses it the second time", async () => {
    const { fetcher: _unused, ...fileDeps } = deps;
    const added = await ingestFile(page("ledger-wire-strike.html"), fileDeps);
    expect(added).toMatchObject({ status: "added", outlet: "Harbour Ledger", copyOf: null });
    if (added.status !== "added") return;
    expect(await frontMatter(added.file)).not.toHaveProperty("fetched_at");
    expect(await ingestFile(page("ledger-wire-strike.html"), fileDeps)).toMatchObject({
      status: "duplicate",
      file: added.file,
    });
    // The same wire story, fetched from another outlet's site, is a reprint of the saved file.
    const reprint = await ingestUrl(`${s.site.base}/coastline/wire-strike`, link(), deps);
    expect(reprint).toMatchObject({ status: "added", copyOf: basename(added.file) });
  });

  it("refuses a file it does not read, and one with no article", async () => {
    const { fetcher: _unused, ...fileDeps } = deps;
    expect(await ingestFile(page("feed.json"), fileDeps)).toMatchObject({
      status: "refused",
      reason: "not a saved page, text or Markdown file (.html, .htm, .txt, .md)",
    });
    expect(await ingestFile(page("no-article.html"), fileDeps)).toMatchObject({
      status: "refused",
      reason: "no article text found in the page",
    });
    expect(await s.corpusFiles()).toEqual([]);
  });
});

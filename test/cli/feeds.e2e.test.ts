import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type IngestSite, startIngestSite } from "../ingest/ingest-site.js";
import { type CliRun, runCli } from "../support/run-cli.js";

let s: IngestSite;

beforeEach(async () => {
  s = await startIngestSite();
});
afterEach(async () => {
  await s.close();
});

function run(script: string, args: string[]): Promise<CliRun> {
  return runCli(script, args, {
    env: {
      CORPUS_DIR: s.corpusDir,
      FETCH_ALLOW_HOSTS: `127.0.0.1:${s.site.port}`,
      FETCH_MIN_INTERVAL_MS: "0",
      FEEDS_FILE: join(s.dir, "feeds.yml"),
    },
  });
}

// Each test starts Node with tsx: seconds apiece on a busy machine.
const SLOW = { timeout: 60_000 };

describe("npm run feeds", SLOW, () => {
  it("--check prints each problem as FILE:LINE: message and exits 1", async () => {
    const file = join(s.dir, "feeds.yml");
    await writeFile(file, "story: x\nmatch: [strike]\nfeeds:\n  - url: gopher://old.example/\n");
    const result = await run("src/cli/feeds.ts", ["--check"]);
    expect(result.stderr).toBe(`${file}:4: only http and https URLs are fetched, got gopher:\n`);
    expect(result.status).toBe(1);
  });

  it("--once polls every feed and prints what became of each item, fetching nothing it should not", async () => {
    await writeFile(
      join(s.dir, "feeds.yml"),
      `match: [strike, stoppage]\nfeeds:\n  - url: ${s.site.base}/news-sitemap.xml\n`,
    );
    const result = await run("src/cli/feeds.ts", ["--once"]);
    const lines = result.stdout.split("\n").filter((l) => l.startsWith(s.site.base));
    expect(lines[0]).toMatch(
      /news-sitemap\.xml: added .*000_[0-9a-f]{16}\.md: Second day of the port stoppage: ferries diverted \(The Quayside Courier, 2025-01-14\)$/,
    );
    expect(lines[1]).toBe(
      `${s.site.base}/news-sitemap.xml: off-story: Lighthouse keeper's cottage sold at auction`,
    );
    expect(result.stdout).toContain("1 feeds polled, 1 articles added, 0 feeds failed.");
    expect(result.status).toBe(0);
  });

  it("says why it needs --once or --check, and prints its help", async () => {
    expect((await run("src/cli/feeds.ts", [])).status).toBe(64);
    const help = await run("src/cli/feeds.ts", ["--help"]);
    expect(help.stdout).toMatch(/^usage: npm run feeds -- --once \| --check/);
    expect(help.status).toBe(0);
  });
});

describe("npm run corpus:fetch", SLOW, () => {
  it("adds an article by URL and refuses a page with no article, exiting 1", async () => {
    const result = await run("src/cli/fetch-articles.ts", [
      `${s.site.base}/news/strike-day-one`,
      `${s.site.base}/news/missing-article`,
    ]);
    expect(result.stdout).toMatch(
      /^added .*000_[0-9a-f]{16}\.md: Dockworkers walk out as port talks collapse/,
    );
    expect(result.stderr).toBe(
      `refused ${s.site.base}/news/missing-article: no article text found in the page\n`,
    );
    expect(result.status).toBe(1);
    expect(await readdir(s.corpusDir)).toHaveLength(1);
  });

  it("refuses a loopback address that FETCH_ALLOW_HOSTS does not list", async () => {
    const result = await run("src/cli/fetch-articles.ts", ["http://127.0.0.1:9/admin"]);
    expect(result.stderr).toBe(
      "refused http://127.0.0.1:9/admin: 127.0.0.1 is a loopback address\n",
    );
  });
});

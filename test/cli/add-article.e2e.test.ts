import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CliRun, runCli } from "../support/run-cli.js";

let corpusDir: string;

beforeEach(async () => {
  corpusDir = await mkdtemp(join(tmpdir(), "corpus-add-cli-"));
});
afterEach(async () => {
  await rm(corpusDir, { recursive: true, force: true });
});

function corpusAdd(args: string[]): Promise<CliRun> {
  return runCli("src/cli/add-article.ts", args, { env: { CORPUS_DIR: corpusDir } });
}

describe("npm run corpus:add", () => {
  it("adds pages into CORPUS_DIR, then refuses the same page again with one line and exit 1", async () => {
    const added = await corpusAdd([
      "test/fixtures/pages/jsonld-graph.html",
      "test/fixtures/pages/opengraph-only.html",
    ]);
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
    expect(added.stdout).toContain("title: Chess title decided in a final rapid game");
    expect(added.stdout).toContain("outlet: Alpine Courier, published: 2022-08-03");
    expect((await readdir(corpusDir)).sort()).toEqual([
      expect.stringMatching(/^000_[0-9a-f]{16}\.md$/),
      expect.stringMatching(/^001_[0-9a-f]{16}\.md$/),
    ]);

    const again = await corpusAdd(["test/fixtures/pages/jsonld-graph.html"]);
    expect(again.status).toBe(1);
    expect(again.stderr.trim().split("\n")).toHaveLength(1);
    expect(again.stderr).toMatch(/^AddArticle: .*already in the corpus as .*000_/);
  }, 60_000);

  it("exits 64 with the usage on wrong use", async () => {
    const none = await corpusAdd([]);
    expect(none.status).toBe(64);
    expect(none.stderr).toMatch(/^corpus:add: no file given\nusage: npm run corpus:add/);
    const bad = await corpusAdd(["--published", "yesterday", "a.txt"]);
    expect(bad.status).toBe(64);
    expect(bad.stderr).toMatch(/--published must be a date/);
  }, 60_000);
});

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESK_DERIVATION } from "../../src/requests/desk-data.js";
import { writePrebuiltIndex } from "../../src/search/index-store.js";

const CORPUS = "test/fixtures/corpus";

// With a prebuilt index, a request that never searches reads the file without its search index;
// what it prints must be what the same request prints from an index built from the corpus.
function ask(request: string, indexFile: string) {
  const result = spawnSync("node", ["--import", "tsx", "src/cli/ask.ts", "--json", request], {
    encoding: "utf8",
    env: { ...process.env, CORPUS_DIR: CORPUS, INDEX_FILE: indexFile, NO_COLOR: "1" },
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

describe("ask CLI with a prebuilt index", () => {
  const dir = mkdtempSync(join(tmpdir(), "ask-prebuilt-"));
  const prebuilt = join(dir, "index.ndjson");
  const none = join(dir, "absent.ndjson");

  beforeAll(async () => {
    await writePrebuiltIndex(
      { corpusDir: CORPUS, indexFile: prebuilt, maxArticleBytes: 8 << 20 },
      { derive: DESK_DERIVATION },
    );
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // timeline and sources read without the search index; `who` reads whole, and a name nobody
  // has is answered as a question.
  it.each(["timeline", "sources", "who zzyzx granted"])(
    "prints `%s` as from the corpus",
    (request) => {
      expect(ask(request, prebuilt)).toEqual(ask(request, none));
    },
    60_000,
  );
});

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openIndex, writePrebuiltIndex } from "../../src/search/index-store.js";

const settings = (corpusDir: string, indexFile = "/nonexistent/index.ndjson") => ({
  corpusDir,
  indexFile,
  maxArticleBytes: 1_000_000,
});

describe("index-store", () => {
  it("opens what writePrebuiltIndex wrote, and builds when there is none", async () => {
    const dir = await mkdtemp(join(tmpdir(), "index-store-"));
    const file = join(dir, "index.ndjson");
    expect((await openIndex(settings("test/fixtures/corpus", file))).source).toBe("corpus");
    const { passages } = await writePrebuiltIndex(settings("test/fixtures/corpus", file));
    const opened = await openIndex(settings("test/fixtures/corpus", file));
    expect(opened.source).toBe("prebuilt");
    expect(opened.index.passages).toHaveLength(passages);
  });
});

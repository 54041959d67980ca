import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CorpusError } from "../../src/corpus/corpus-error.js";
import {
  buildIndexFromCorpus,
  buildIndexOffThread,
  openIndex,
  writePrebuiltIndex,
} from "../../src/search/index-store.js";

const settings = (corpusDir: string, indexFile = "/nonexistent/index.ndjson") => ({
  corpusDir,
  indexFile,
  maxArticleBytes: 1_000_000,
});

describe("index-store", () => {
  it("builds off the main thread exactly what it builds on it", async () => {
    const warnings: string[] = [];
    const off = await buildIndexOffThread(settings("test/fixtures/corpus"), {
      warn: (m) => warnings.push(m),
    });
    const on = await buildIndexFromCorpus(settings("test/fixtures/corpus"));
    expect(off.passages).toEqual(on.passages);
    expect([...off.documentFrequency]).toEqual([...on.documentFrequency]);
    expect(warnings.filter((w) => !/build worker did not start/.test(w))).toEqual([]);
  });

  it("reports a bad corpus off the main thread as a CorpusError naming the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "index-store-"));
    await writeFile(join(dir, "broken.md"), "no front matter");
    const failed = await buildIndexOffThread(settings(dir)).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(CorpusError);
    expect((failed as CorpusError).message).toContain("broken.md");
  });

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

import { cp, mkdtemp, readdir, readFile, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { DEFAULTS } from "../../src/config.js";
import type { Passage } from "../../src/passages/passage.js";
import { CHAMPION_MIN_PASSAGES, ChampionLists } from "../../src/search/champion-lists.js";
import {
  buildIndexFromCorpus,
  corpusFingerprint,
  openIndex as openIndexWith,
} from "../../src/search/index-store.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import {
  processingSignature,
  readIndexFile,
  writeIndexFile as writeIndexFileFor,
} from "../../src/search/prebuilt-index.js";
import { findCandidates } from "../../src/search/search-passages.js";
import { syntheticPassages } from "../bench/synthetic-corpus.js";

type Index = Awaited<ReturnType<typeof buildIndexFromCorpus>>;

/** Opens the index of `corpusDir` as the bot and the CLI do, with the other settings' defaults. */
const openIndex = (corpusDir: string, indexFile: string) =>
  openIndexWith({ corpusDir, indexFile, maxArticleBytes: DEFAULTS.maxArticleBytes });

async function writeIndexFile(index: Index, corpus: string, file: string): Promise<number> {
  return writeIndexFileFor(index, (await corpusFingerprint(corpus)).hash, file);
}

async function copyOfFixtureCorpus(): Promise<{ corpus: string; indexFile: string }> {
  const dir = await mkdtemp(join(tmpdir(), "prebuilt-"));
  const corpus = join(dir, "corpus");
  await cp("test/fixtures/corpus", corpus, { recursive: true });
  // File times tick in coarse steps: put the copied articles clearly in the past, so an index
  // written now is newer than them.
  const past = new Date(Date.now() - 3_600_000);
  for (const name of ["humanitarian.md", "putin-decision.md"])
    await utimes(join(corpus, name), past, past);
  await utimes(corpus, past, past);
  return { corpus, indexFile: join(dir, "cache", "index.ndjson") };
}

const answersOf = (index: Index) =>
  ["who granted asylum", "Hmeimim", "humanitarain grounds", "banana bread"].map((q) =>
    answerQuestion(index, q).items.map((i) => [i.passage.id, i.passage.text, i.score]),
  );

describe("prebuilt index", () => {
  it("loads when newer than the corpus and answers exactly as a fresh build", async () => {
    const { corpus, indexFile } = await copyOfFixtureCorpus();
    const fresh = await buildIndexFromCorpus(corpus);
    await writeIndexFile(fresh, corpus, indexFile);
    const opened = await openIndex(corpus, indexFile);
    expect(opened.source).toBe("prebuilt");
    expect(answersOf(opened.index)).toEqual(answersOf(fresh));
  });

  it("is rebuilt from the corpus when missing, older than an article, or made from other files", async () => {
    const { corpus, indexFile } = await copyOfFixtureCorpus();
    expect(await openIndex(corpus, indexFile)).toMatchObject({
      source: "corpus",
      reason: expect.stringMatching(/no prebuilt index/),
    });

    await writeIndexFile(await buildIndexFromCorpus(corpus), corpus, indexFile);
    const later = new Date(Date.now() + 60_000);
    await utimes(join(corpus, "humanitarian.md"), later, later);
    expect(await openIndex(corpus, indexFile)).toMatchObject({
      source: "corpus",
      reason: expect.stringMatching(/older than the corpus/),
    });

    await writeIndexFile(await buildIndexFromCorpus(corpus), corpus, indexFile);
    const { corpus: other } = await copyOfFixtureCorpus();
    await writeFile(
      join(other, "extra.md"),
      "---\ntitle: null\noutlet: null\nurl: null\npublished: null\nlanguage: en\n---\n\nExtra text.\n",
    );
    const earlier = new Date(Date.now() - 3_600_000);
    for (const name of ["extra.md", "humanitarian.md", "putin-decision.md"])
      await utimes(join(other, name), earlier, earlier);
    await utimes(other, earlier, earlier);
    const opened = await openIndex(other, indexFile);
    expect(opened).toMatchObject({
      source: "corpus",
      reason: expect.stringMatching(/other files/),
    });
    expect(opened.index.passages.some((p) => p.text === "Extra text.")).toBe(true);
  });

  it("round-trips a large corpus: champion lists stored with it read back the same and find the same candidates", async () => {
    const base = (await buildIndexFromCorpus("test/fixtures/corpus")).passages;
    const passages = syntheticPassages(base, CHAMPION_MIN_PASSAGES + 500, 3);
    const fresh = buildPassageIndex(passages);
    expect(fresh.championLists.size).toBeGreaterThan(0);
    const file = join(await mkdtemp(join(tmpdir(), "prebuilt-large-")), "index.ndjson");
    await writeIndexFileFor(fresh, "large", file);
    const loaded = (await readIndexFile(file, "large"))?.index;
    expect(loaded?.championLists.size).toBe(fresh.championLists.size);
    expect(loaded?.championLists.postings()).toBe(fresh.championLists.postings());
    if (!(fresh.championLists instanceof ChampionLists)) throw new Error("no champion lists");
    for (const [term, list] of fresh.championLists.entries())
      expect(loaded?.championLists.get(term)).toEqual(list);
    for (const q of ["who granted asylum", "humanitarain grounds", "putin decision kremlin"]) {
      const ids = (index: typeof fresh) => findCandidates(index, q).hits.map((h) => h.id);
      expect(ids(loaded as typeof fresh)).toEqual(ids(fresh));
    }
    // A list whose bytes are not whole 4-byte items is not a file this code wrote.
    const lines = (await readFile(file, "utf8")).trimEnd().split("\n");
    const header = JSON.parse(lines[0] as string) as {
      runs: Record<string, number>;
      passages: number;
      terms: number;
    };
    const first = 1 + Object.values(header.runs).reduce((a, b) => a + b, 0) + header.passages;
    const at = first + header.terms;
    const [term, complete, , impacts] = JSON.parse(lines[at] as string);
    lines[at] = JSON.stringify([term, complete, "AAAA", impacts]); // 3 bytes
    await writeFile(file, `${lines.join("\n")}\n`);
    expect(await readIndexFile(file, "large")).toBeNull();
  }, 120_000);

  it("does not read a file written under another signature (an older format is rebuilt)", async () => {
    const { corpus, indexFile } = await copyOfFixtureCorpus();
    await writeIndexFile(await buildIndexFromCorpus(corpus), corpus, indexFile);
    const text = await readFile(indexFile, "utf8");
    await writeFile(indexFile, text.replace(processingSignature(), "0000000000000000"));
    expect(await readIndexFile(indexFile, null)).toBeNull();
  });
});

describe("prebuilt index file layout", () => {
  it("reads back every passage field: sentences that are not the text's join, an own id, reprints, sources changing within an article", async () => {
    const base = (await buildIndexFromCorpus("test/fixtures/corpus")).passages;
    const [a, b, c] = base as [Passage, Passage, Passage];
    const passages: Passage[] = [
      { ...a, id: "custom-id", copyOf: "original" },
      { ...b, articleId: a.articleId, sentences: [...b.sentences, "not in the text"] },
      { ...c, articleId: a.articleId, title: "another title", sentences: [] },
      { ...c, articleId: a.articleId, outlet: null },
    ];
    const fresh = buildPassageIndex(passages);
    const file = join(await mkdtemp(join(tmpdir(), "prebuilt-layout-")), "index.ndjson");
    await writeIndexFileFor(fresh, "layout", file);
    const loaded = await readIndexFile(file, "layout");
    expect(loaded?.index.passages).toEqual(passages);
  });

  it("holds no line of megabytes: long lists are written in runs", async () => {
    const base = (await buildIndexFromCorpus("test/fixtures/corpus")).passages;
    const fresh = buildPassageIndex(syntheticPassages(base, 12_000, 4));
    const file = join(await mkdtemp(join(tmpdir(), "prebuilt-runs-")), "index.ndjson");
    await writeIndexFileFor(fresh, "runs", file);
    const longest = Math.max(...(await readFile(file, "utf8")).split("\n").map((l) => l.length));
    expect(longest).toBeLessThan(512 * 1024);
    const loaded = (await readIndexFile(file, "runs"))?.index;
    expect(loaded?.documentFrequency).toEqual(fresh.documentFrequency);
    expect(loaded?.miniSearch.documentCount).toBe(fresh.miniSearch.documentCount);
    expect(loaded?.miniSearch.termCount).toBe(fresh.miniSearch.termCount);
  }, 120_000);

  it("is read only whole: the trailer counts the derived lines, so a file cut short or added to is refused", async () => {
    const base = (await buildIndexFromCorpus("test/fixtures/corpus")).passages;
    const fresh = buildPassageIndex(base);
    const dir = await mkdtemp(join(tmpdir(), "prebuilt-trailer-"));
    const file = join(dir, "index.ndjson");
    const derived = [{ kind: "a" }, { kind: "b" }];
    await writeIndexFileFor(fresh, "trailer", file, derived);
    // Given back as their JSON text, for the derivation that wrote them to parse.
    expect((await readIndexFile(file, "trailer"))?.derived.map((l) => JSON.parse(l))).toEqual(
      derived,
    );
    const lines = (await readFile(file, "utf8")).trimEnd().split("\n");
    expect(JSON.parse(lines.at(-1) as string)).toEqual({ end: true, derived: 2 });
    for (const changed of [
      lines.slice(0, -1), // no trailer
      [...lines.slice(0, -2), lines.at(-1)], // a derived line lost
      [...lines.slice(0, -1), '{"kind":"c"}', lines.at(-1)], // one more
    ]) {
      await writeFile(file, `${changed.join("\n")}\n`);
      expect(await readIndexFile(file, "trailer")).toBeNull();
    }
  });

  it("writes the index's lines before its derived data is ready, and leaves no file when that fails", async () => {
    const base = (await buildIndexFromCorpus("test/fixtures/corpus")).passages;
    const fresh = buildPassageIndex(base);
    const dir = await mkdtemp(join(tmpdir(), "prebuilt-pending-"));
    const file = join(dir, "index.ndjson");
    let settle: (lines: unknown[]) => void = () => {};
    const pending = new Promise<unknown[]>((resolve) => {
      settle = resolve;
    });
    const written = writeIndexFileFor(fresh, "pending", file, pending);
    settle([{ kind: "late" }]);
    await written;
    expect((await readIndexFile(file, "pending"))?.derived).toEqual(['{"kind":"late"}']);
    const failed = join(dir, "failed.ndjson");
    await expect(
      writeIndexFileFor(fresh, "pending", failed, Promise.reject(new Error("desk: broken"))),
    ).rejects.toThrow("desk: broken");
    expect((await readdir(dir)).sort()).toEqual(["index.ndjson"]);
  });
});

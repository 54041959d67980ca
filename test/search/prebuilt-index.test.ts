import { cp, mkdtemp, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import {
  buildIndexFromCorpus,
  corpusFingerprint,
  openIndex,
  writeIndexFile as writeIndexFileFor,
} from "../../src/search/prebuilt-index.js";

type Index = Awaited<ReturnType<typeof buildIndexFromCorpus>>;

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
});

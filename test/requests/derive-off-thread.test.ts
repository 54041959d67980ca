import { describe, expect, it } from "vitest";
import { buildNewsData } from "../../src/news/news-data.js";
import { readNewsData, storeNewsData } from "../../src/news/stored-news-data.js";
import { newsOffThread } from "../../src/requests/derive-off-thread.js";
import {
  DESK_DERIVATION,
  DeskData,
  deriveFrom,
  reviveDerived,
  startDerivation,
  storeDerived,
} from "../../src/requests/desk-data.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { JsonLine, jsonTextOf } from "../../src/search/prebuilt-index.js";
import { realisticPassages } from "../bench/synthetic-corpus.js";

/** Lines as the index file holds them: the worker's come already in JSON. */
const asText = (lines: readonly unknown[]) =>
  lines.map((line) => jsonTextOf(line) ?? JSON.stringify(line));

describe("the desk's data derived in a worker", () => {
  it("is the news reading built on this thread, its lists sharing their sentences as built", async () => {
    const base = (await buildIndexFromCorpus("test/fixtures/corpus")).passages;
    // The fixture's articles carry the dates; the synthetic ones the bulk.
    const passages = [...base, ...realisticPassages(base, 600, { seed: 3 })];
    const here = buildNewsData(passages);
    const lines = await newsOffThread(passages);
    expect(lines.map((line) => JSON.parse(line))).toEqual(storeNewsData(here));
    const there = readNewsData(
      lines.map((line) => JSON.parse(line)),
      passages,
    );
    if (there === null) throw new Error("the worker's lines did not read back");
    expect(there.sentences.length).toBeGreaterThan(500);
    expect(there.timeline.length).toBeGreaterThan(0);
    // Read back whole: stored again, it gives the lines of the reading built here.
    expect(storeNewsData(there)).toEqual(storeNewsData(here));
    // One sentence object, not a copy per list: the views compare sentences by identity.
    const sentences = new Set(there.sentences);
    expect(there.timeline.every((s) => sentences.has(s))).toBe(true);
    for (const said of there.saidBy.values())
      expect(said.every((s) => sentences.has(s))).toBe(true);
  }, 60_000);

  it("gives the desk deriving it after the index gives, the worker started before the index", async () => {
    const base = (await buildIndexFromCorpus("test/fixtures/corpus")).passages;
    const passages = [...base, ...realisticPassages(base, 300, { seed: 5 })];
    // 0: the worker is used whatever the size (a real build uses it from OFF_THREAD_MIN_PASSAGES).
    const finish = startDerivation(passages, 0);
    const offThread = await finish(buildPassageIndex(passages));
    const after = deriveFrom(buildPassageIndex(passages));
    expect(asText(storeDerived(offThread))).toEqual(asText(storeDerived(after)));
    // The news reading that came as lines reads back, on first use, as the one built here.
    expect(storeNewsData(offThread.news)).toEqual(storeNewsData(after.news));
    expect(offThread.news).toBe(offThread.news);
  }, 60_000);

  it("revives from its own stored lines with the news reading still text, not built again", async () => {
    const base = (await buildIndexFromCorpus("test/fixtures/corpus")).passages;
    const passages = [...base, ...realisticPassages(base, 300, { seed: 5 })];
    const index = buildPassageIndex(passages);
    const offThread = await startDerivation(passages, 0)(index);
    // The worker's lines are stored as JsonLines, as `npm run index` writes them.
    const stored = storeDerived(offThread);
    expect(stored.some((line) => line instanceof JsonLine)).toBe(true);
    const revived = reviveDerived(stored, index);
    expect(revived.newsIsRead).toBe(false);
    expect(storeNewsData(revived.news)).toEqual(storeNewsData(offThread.news));
  }, 60_000);

  it("is what a corpus built with the desk holds", async () => {
    const built = await buildIndexFromCorpus("test/fixtures/corpus", { derive: DESK_DERIVATION });
    if (!(built.derived instanceof DeskData)) throw new Error("no desk data");
    const after = deriveFrom(buildPassageIndex(built.passages));
    expect(asText(storeDerived(built.derived))).toEqual(asText(storeDerived(after)));
  }, 60_000);
});

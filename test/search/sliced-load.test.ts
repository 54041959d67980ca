import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerQuestion, questionWordsOf } from "../../src/answer/answer-question.js";
import { storeNewsData } from "../../src/news/stored-news-data.js";
import {
  DESK_DERIVATION,
  DeskData,
  deriveFrom,
  servingCachesOf,
  storeDerived,
} from "../../src/requests/desk-data.js";
import { CHAMPION_MIN_PASSAGES } from "../../src/search/champion-lists.js";
import { buildIndexFromCorpus, readIndexWithDerived } from "../../src/search/index-store.js";
import { buildPassageIndex, type PassageIndex } from "../../src/search/passage-index.js";
import { writeIndexFile } from "../../src/search/prebuilt-index.js";
import { TimeSlicer } from "../../src/search/time-slicer.js";
import { syntheticPassages } from "../bench/synthetic-corpus.js";

const answersOf = (index: PassageIndex) => {
  const caches = servingCachesOf(index);
  return ["who granted asylum", "humanitarian grounds", "putin decision kremlin"].map((q) =>
    answerQuestion(index, q, { suggest: false, caches }).items.map((i) => [i.passage.id, i.score]),
  );
};

const newsOf = (index: PassageIndex) => {
  if (!(index.derived instanceof DeskData)) throw new Error("no desk data");
  return { examples: index.derived.examples, news: storeNewsData(index.derived.news) };
};

describe("loading a prebuilt index in time slices", () => {
  it("gives the event loop turns while it reads, and reads the same index and desk", async () => {
    const base = (await buildIndexFromCorpus("test/fixtures/corpus")).passages;
    const fresh = buildPassageIndex(syntheticPassages(base, CHAMPION_MIN_PASSAGES + 500, 5));
    const desk = deriveFrom(fresh);
    fresh.derived = desk;
    const file = join(await mkdtemp(join(tmpdir(), "sliced-load-")), "index.ndjson");
    await writeIndexFile(fresh, "sliced", file, storeDerived(desk));

    // A request's turn, scheduled as the load starts, and a ticker counting every turn the loop gets.
    let answeredBeforeLoaded = false;
    let loaded = false;
    setImmediate(() => {
      answeredBeforeLoaded = !loaded;
    });
    let turns = 0;
    const tick = () => {
      turns++;
      if (!loaded) setImmediate(tick);
    };
    setImmediate(tick);
    // A budget of zero yields at every check: the test sees each slice without timing anything.
    const slicer = new TimeSlicer(0);
    const index = await readIndexWithDerived(file, "sliced", DESK_DERIVATION, slicer);
    loaded = true;

    expect(answeredBeforeLoaded).toBe(true);
    // Every term's champion list and vocabulary entry, and every passage, is a slice of its own.
    expect(slicer.yields).toBeGreaterThan(fresh.documentFrequency.size + fresh.passages.length);
    expect(turns).toBeGreaterThan(fresh.documentFrequency.size);
    if (index === null) throw new Error("the index did not read back");
    expect(index.championLists.size).toBe(fresh.championLists.size);
    expect(answersOf(index)).toEqual(answersOf(fresh));
    expect(newsOf(index)).toEqual(newsOf(fresh));
    // The words questions are read against come from the file, as the build made them.
    const words = (i: PassageIndex) => {
      const { surface, sourceOnly } = questionWordsOf(i, servingCachesOf(i));
      return { surface: [...surface].sort(), sourceOnly: [...sourceOnly].sort() };
    };
    expect(words(index)).toEqual(words(fresh));
  }, 120_000);
});

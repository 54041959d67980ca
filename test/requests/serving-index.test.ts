import { describe, expect, it } from "vitest";
import { DeskData, deskDataOf } from "../../src/requests/desk-data.js";
import { prepareServingIndex } from "../../src/requests/serving-index.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";

describe("prepareServingIndex", () => {
  it("serves from caches that hold what the desk derived with the index, not derived again", async () => {
    const index = buildPassageIndex((await buildIndexFromCorpus("test/fixtures/corpus")).passages);
    const serving = prepareServingIndex(index);
    const { questionLayer } = deskDataOf(index);
    expect(index.derived).toBeInstanceOf(DeskData);
    expect(serving.caches.index).toBe(index);
    expect(serving.caches.lexicon).toBe(questionLayer.lexicon);
    expect(serving.caches.surface).toBe(questionLayer.words.surface);
    expect(serving.caches.sourceOnly).toBe(questionLayer.words.sourceOnly);
    expect(serving.caches.suggestionPool?.map((s) => s.question)).toEqual(
      questionLayer.pool.map((s) => s.question),
    );
    // A reload prepares the new index with caches of its own.
    const reloaded = prepareServingIndex(buildPassageIndex(index.passages));
    expect(reloaded.caches).not.toBe(serving.caches);
    expect(reloaded.caches.index).toBe(reloaded.index);
  });
});

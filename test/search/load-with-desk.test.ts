import { describe, expect, it } from "vitest";
import { answerQuestion, questionWordsOf } from "../../src/answer/answer-question.js";
import { storeNewsData } from "../../src/news/stored-news-data.js";
import { DESK_DERIVATION, DeskData, servingCachesOf } from "../../src/requests/desk-data.js";
import { answererFor } from "../../src/requests/request-answerer.js";
import { routeRequest } from "../../src/requests/route-request.js";
import { CHAMPION_MIN_PASSAGES } from "../../src/search/champion-lists.js";
import { readIndexWithDerived } from "../../src/search/index-store.js";
import type { PassageIndex } from "../../src/search/passage-index.js";
import { writtenDeskIndex } from "./desk-index-file.js";

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

describe("loading a prebuilt index with the desk's data", () => {
  it("reads back the index and the desk it was written from", async () => {
    const { fresh, file } = await writtenDeskIndex(CHAMPION_MIN_PASSAGES + 500, 5, "round-trip");

    const index = await readIndexWithDerived(file, "round-trip", DESK_DERIVATION);
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

  it("answers a question with its passages' news lines only, the same reply as from the whole reading", async () => {
    const { fresh, file } = await writtenDeskIndex(600, 7, "part");

    const index = await readIndexWithDerived(file, "part", DESK_DERIVATION);
    if (!(index?.derived instanceof DeskData)) throw new Error("the index did not read back");
    const ask = (i: PassageIndex) => answererFor(i, { cacheSize: 0 });
    for (const question of ["humanitarian grounds", "envoy in vienna confirmed the reports"]) {
      const reply = ask(index)(routeRequest(question), "/ask");
      expect(reply.kind === "question" && reply.news.length).toBeGreaterThan(0);
      expect(reply).toEqual(ask(fresh)(routeRequest(question), "/ask"));
    }
    // The reading was not read whole for them; a view that needs it whole reads it.
    expect(index.derived.newsIsRead).toBe(false);
    const timeline = ask(index)(routeRequest("timeline"), "/ask");
    expect(index.derived.newsIsRead).toBe(true);
    expect(timeline).toEqual(ask(fresh)(routeRequest("timeline"), "/ask"));
  }, 120_000);
});

import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { searchesIndex } from "../../src/requests/answer-request.js";
import { DESK_DERIVATION, DeskData } from "../../src/requests/desk-data.js";
import { routeRequest } from "../../src/requests/route-request.js";
import { CHAMPION_MIN_PASSAGES } from "../../src/search/champion-lists.js";
import { readIndexWithDerived } from "../../src/search/index-store.js";
import { readIndexFile } from "../../src/search/prebuilt-index.js";
import { SEARCHLESS_INDEX } from "../../src/search/search-passages.js";
import { repliesOf, writtenDeskIndex } from "./desk-index-file.js";

describe("a prebuilt index read without its search terms (the CLI's timeline, sources, who)", () => {
  it("reads the same passages and desk, answers the news views alike, and refuses to search", async () => {
    // Large enough for champion lists, so every kind of search line is in the file to be skipped.
    const { file } = await writtenDeskIndex(CHAMPION_MIN_PASSAGES + 500, 7, "light");

    const wholeRead = await readIndexFile(file, "light");
    const lightRead = await readIndexFile(file, "light", { withoutSearch: true });
    expect(wholeRead?.index.championLists.size).toBeGreaterThan(0);
    expect(lightRead?.index.withoutSearch).toBe(true);
    expect(lightRead?.index.passages).toEqual(wholeRead?.index.passages);
    expect(lightRead?.derived).toEqual(wholeRead?.derived);
    expect(lightRead?.index.miniSearch.termCount).toBe(0);
    // A file of another corpus is refused as a whole read refuses it.
    expect(await readIndexFile(file, "other", { withoutSearch: true })).toBeNull();

    const whole = await readIndexWithDerived(file, "light", DESK_DERIVATION);
    const light = await readIndexWithDerived(file, "light", DESK_DERIVATION, {
      withoutSearch: true,
    });
    if (whole === null || light === null) throw new Error("the index did not read back");
    expect(light.derived).toBeInstanceOf(DeskData);
    const people = (light.derived as DeskData).news.people.map((p) => p.name);
    expect(people.length).toBeGreaterThan(0);
    const requests = [
      "timeline",
      "timeline asylum",
      "sources",
      "help",
      "who",
      ...people.slice(0, 8).map((n) => `who ${n}`),
    ];
    for (const request of requests)
      expect(searchesIndex(routeRequest(request), (light.derived as DeskData).news)).toBe(false);
    expect(repliesOf(light, requests)).toEqual(repliesOf(whole, requests));

    // What would search is told, not answered with nothing.
    const news = (light.derived as DeskData).news;
    expect(searchesIndex(routeRequest("who granted asylum"), news)).toBe(true);
    expect(searchesIndex(routeRequest("who zzyzxquorp"), news)).toBe(true);
    expect(() => answerQuestion(light, "who granted asylum")).toThrow(SEARCHLESS_INDEX);
    expect(() => repliesOf(light, ["who zzyzxquorp"])).toThrow(SEARCHLESS_INDEX);
  }, 120_000);
});

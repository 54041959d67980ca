import { readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { internalsOf, MiniSearchInternalsError } from "../../src/search/minisearch-internals.js";

// The champion lists (src/search/champion-lists.ts) read MiniSearch's private index and re-score
// with its BM25+: an upgrade that moves those fields must fail here, not in production. The scores
// themselves are compared with MiniSearch's own in champion-lists.test.ts.

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  dependencies: Record<string, string>;
};
// Read from disk: MiniSearch's exports map does not expose its package.json.
const installed = JSON.parse(readFileSync("node_modules/minisearch/package.json", "utf8")) as {
  version: string;
};

describe("MiniSearch, pinned for the champion lists", () => {
  it("is pinned to one exact version in package.json, and that version is installed", () => {
    const wanted = pkg.dependencies.minisearch;
    expect(wanted).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed.version).toBe(wanted);
  });

  it("still keeps the private fields the champion lists read, in the shapes they expect", () => {
    const miniSearch = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
    miniSearch.addAll([
      { id: 7, text: "harbour flood warning" },
      { id: 9, text: "flood tide" },
    ]);
    const internals = miniSearch as unknown as Record<string, unknown>;
    const index = internals._index as { get(term: string): unknown };
    expect(typeof index.get).toBe("function");
    // term -> field id -> short document id -> term frequency
    const flood = index.get("flood") as Map<number, Map<number, number>>;
    expect(flood).toBeInstanceOf(Map);
    expect([...(flood.get(0) as Map<number, number>).values()]).toEqual([1, 1]);
    expect(internals._fieldIds).toEqual({ text: 0 });
    expect(internals._fieldLength).toBeInstanceOf(Map);
    expect((internals._fieldLength as Map<number, number[]>).get(0)).toEqual([3]);
    expect(internals._avgFieldLength).toEqual([2.5]);
    expect(internals._documentCount).toBe(2);
    expect((internals._idToShortId as Map<unknown, number>).get(9)).toBe(1);
    expect((internals._documentIds as Map<number, unknown>).get(1)).toBe(9);
    expect(internals._nextId).toBe(2);
    expect(internals._storedFields).toBeInstanceOf(Map);
  });

  it("is read through one accessor, which refuses an object without them with one named error", () => {
    const miniSearch = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
    miniSearch.add({ id: 3, text: "harbour" });
    const internals = internalsOf(miniSearch);
    expect(internals._index.get("harbour")?.get(0)?.get(0)).toBe(1);
    expect(internals._documentIds.get(0)).toBe(3);
    for (const broken of [{}, { ...internals, _fieldLength: {} }, { ...internals, _index: {} }]) {
      expect(() => internalsOf(broken as unknown as MiniSearch)).toThrow(MiniSearchInternalsError);
    }
  });
});

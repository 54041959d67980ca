import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DESK_DERIVATION } from "../../src/requests/desk-data.js";
import { CHAMPION_MIN_PASSAGES } from "../../src/search/champion-lists.js";
import { buildIndexFromCorpus, readIndexWithDerived } from "../../src/search/index-store.js";
import { internalsOf } from "../../src/search/minisearch-internals.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { writeIndexFile } from "../../src/search/prebuilt-index.js";
import {
  decodeInSlices,
  StoredPostings,
  StoredPostingsError,
  termOfLine,
} from "../../src/search/stored-postings.js";
import { QUESTION_MIX } from "../bench/question-mix.js";
import { syntheticPassages } from "../bench/synthetic-corpus.js";
import { repliesOf, writtenDeskIndex } from "./desk-index-file.js";

describe("postings kept as their file lines until read (the CLI's question)", () => {
  it("answers every question of the mix as the index decoded whole does", async () => {
    const { file } = await writtenDeskIndex(CHAMPION_MIN_PASSAGES + 500, 9, "lazy");
    const whole = await readIndexWithDerived(file, "lazy", DESK_DERIVATION);
    const lazy = await readIndexWithDerived(file, "lazy", DESK_DERIVATION, { lazyPostings: true });
    if (whole === null || lazy === null) throw new Error("the index did not read back");
    expect(lazy.championLists.size).toBeGreaterThan(0);
    expect(repliesOf(lazy, QUESTION_MIX)).toEqual(repliesOf(whole, QUESTION_MIX));
    // MiniSearch's own search (below the champion lists' threshold) reads them alike too.
    for (const q of ["asylum granted", "moscow assad"])
      expect(lazy.miniSearch.search(q)).toEqual(whole.miniSearch.search(q));
    const values = [...internalsOf(lazy.miniSearch)._index.entries()].map(([, data]) => data);
    expect(values.every((data) => data instanceof StoredPostings)).toBe(true);
    // And it serialises to the same index, every term decoded on the way.
    expect(JSON.stringify(lazy.miniSearch)).toBe(JSON.stringify(whole.miniSearch));
  }, 120_000);

  it("decodes every line left, a slice at a time, letting other work run between slices", async () => {
    const base = (await buildIndexFromCorpus("test/fixtures/corpus")).passages;
    const fresh = buildPassageIndex(syntheticPassages(base, 400, 5));
    const file = join(await mkdtemp(join(tmpdir(), "lazy-postings-")), "index.ndjson");
    await writeIndexFile(fresh, "slices", file, []);
    const whole = await readIndexWithDerived(file, "slices", DESK_DERIVATION);
    const lazy = await readIndexWithDerived(file, "slices", DESK_DERIVATION, {
      lazyPostings: true,
    });
    if (whole === null || lazy === null) throw new Error("the index did not read back");
    const postings = () => [...internalsOf(lazy.miniSearch)._index.entries()].map(([, d]) => d);
    const stored = () => postings().filter((d) => d instanceof StoredPostings && d.stored).length;
    lazy.miniSearch.search("asylum");
    const left = stored();
    expect(left).toBeGreaterThan(20);
    expect(left).toBeLessThan(postings().length);
    let otherWork = 0;
    const tick = setInterval(() => otherWork++, 0);
    const decoded = await decodeInSlices(lazy.miniSearch, 0);
    clearInterval(tick);
    expect(decoded).toBe(left);
    expect(stored()).toBe(0);
    expect(otherWork).toBeGreaterThan(0);
    expect(JSON.stringify(lazy.miniSearch)).toBe(JSON.stringify(whole.miniSearch));
    expect(await decodeInSlices(lazy.miniSearch)).toBe(0);
  }, 60_000);

  it("stops at a malformed line, naming its term", async () => {
    const index = buildPassageIndex([]);
    const terms = internalsOf(index.miniSearch)._index;
    terms.set("broken", new StoredPostings('["broken",0,"x"]'));
    terms.set("fine", new StoredPostings('["fine",0,[1,1]]'));
    const decoding = decodeInSlices(index.miniSearch);
    await expect(decoding).rejects.toThrow(StoredPostingsError);
    await expect(decoding).rejects.toThrow('"broken" is malformed');
  });

  it("behaves as the map it stands for through every method, and says which line is malformed", () => {
    const line = JSON.stringify(["asylum", 0, [3, 1, 7, 2], 2, [7, 1]]);
    const reference = new Map([
      [
        0,
        new Map([
          [3, 1],
          [7, 2],
        ]),
      ],
      [2, new Map([[7, 1]])],
    ]);
    const fresh = () => new StoredPostings(line);
    expect(fresh().size).toBe(2);
    expect(fresh().get(0)).toEqual(reference.get(0));
    expect(fresh().has(2)).toBe(true);
    expect([...fresh()]).toEqual([...reference]);
    expect([...fresh().entries()]).toEqual([...reference.entries()]);
    expect([...fresh().keys()]).toEqual([0, 2]);
    expect([...fresh().values()]).toEqual([...reference.values()]);
    const seen: number[] = [];
    fresh().forEach((_, key) => {
      seen.push(key);
    });
    expect(seen).toEqual([0, 2]);
    const changed = fresh();
    changed.set(1, new Map([[9, 1]]));
    expect(changed.delete(0)).toBe(true);
    expect([...changed.keys()]).toEqual([2, 1]);
    const cleared = fresh();
    cleared.clear();
    expect(cleared.size).toBe(0);
    expect(() => new StoredPostings('["broken",0,"x"]').get(0)).toThrow(StoredPostingsError);
    expect(() => new StoredPostings('["broken",0,"x"]').get(0)).toThrow(
      'stored-postings: the index file\'s line for "broken" is malformed',
    );
  });

  it("reads a line's term without parsing the rest, escapes included", () => {
    expect(termOfLine('["asylum",0,[1,1]]')).toBe("asylum");
    expect(termOfLine(JSON.stringify(['a"b\\c', 0, [1, 1]]))).toBe('a"b\\c');
    expect(termOfLine(JSON.stringify(["ünïcode", 0, []]))).toBe("ünïcode");
    for (const bad of ["", "[]", '{"a":1}', '["unterminated', "[1,2]"])
      expect(termOfLine(bad)).toBeNull();
  });
});

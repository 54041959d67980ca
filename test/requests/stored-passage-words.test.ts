import { describe, expect, it } from "vitest";
import { sourceTermsOf, surfaceWordsOf } from "../../src/answer/answer-question.js";
import {
  deriveFrom,
  reviveDerived,
  servingCachesOf,
  storeDerived,
} from "../../src/requests/desk-data.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";

interface DeskLine {
  lexiconRuns: { aliases: number; entries: number; surface: number; sourceOnly: number };
}

// The question layer's words read from every passage are stored with the index, so a start from
// the file does not spend its first question reading them again.
describe("the question layer's passage words, stored with the desk", () => {
  it("are stored as built, and a revived index takes them from the file", async () => {
    const passages = (await buildIndexFromCorpus("test/fixtures/corpus")).passages;
    const built = buildPassageIndex(passages);
    built.derived = deriveFrom(built);
    const lines = storeDerived(built.derived) as unknown[];
    const { lexiconRuns: runs } = lines[0] as DeskLine;
    const firstSurface = 1 + runs.aliases + runs.entries;
    const surface = lines.slice(firstSurface, firstSurface + runs.surface).flat() as string[];
    const sourceOnly = lines
      .slice(firstSurface + runs.surface, firstSurface + runs.surface + runs.sourceOnly)
      .flat() as string[];
    expect(new Set(surface)).toEqual(surfaceWordsOf(built));
    expect(new Set(sourceOnly)).toEqual(sourceTermsOf(built));
    // The serving caches of the built index hold what the build derived: the same, not again.
    expect(surfaceWordsOf(built, servingCachesOf(built))).toEqual(surfaceWordsOf(built));
    expect(surface.length).toBeGreaterThan(30);

    // A word no passage holds, added to the stored list: only a revival that read the list has it.
    const marked = [...lines];
    marked[firstSurface] = [...(lines[firstSurface] as string[]), "zzstoredonly"];
    const revived = buildPassageIndex(passages);
    revived.derived = await reviveDerived(marked, revived);
    const caches = servingCachesOf(revived);
    expect(surfaceWordsOf(revived, caches).has("zzstoredonly")).toBe(true);
    expect(sourceTermsOf(revived, caches)).toEqual(sourceTermsOf(built));
    // Without caches a question derives its own words from the passages, the stored list aside.
    expect(surfaceWordsOf(revived).has("zzstoredonly")).toBe(false);
  });
});

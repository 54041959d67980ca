import { describe, expect, it } from "vitest";
import { splitIntoPassages } from "../../src/passages/split-passages.js";
import { aliasExpansions, buildEventLexicon, mineAliases } from "../../src/query/event-lexicon.js";
import { makeArticle } from "../fixtures/articles.js";

// A small corpus about another event: a dam failure.
const passages = splitIntoPassages(
  makeArticle({
    id: "dam",
    body: [
      {
        kind: "paragraph",
        text: "City engineer Maria Kowalczyk said the spillway failed at night. The state broadcaster RTVX showed the flooding.",
      },
      {
        kind: "paragraph",
        text: "Regional governor Tomasz Wrobel declared an emergency. Kowalczyk later left Brno.",
      },
    ],
  }),
);

describe("event lexicon", () => {
  it("mines appositions: describing words right before a name", () => {
    const aliases = mineAliases(passages).map((a) => `${a.descriptor.join(" ")} => ${a.name}`);
    expect(aliases).toContain("city engineer => Maria Kowalczyk");
    expect(aliases).toContain("state broadcaster => RTVX");
    expect(aliases).toContain("regional governor => Tomasz Wrobel");
    // A verb before a name is no title.
    expect(aliases.some((a) => a.startsWith("left"))).toBe(false);
  });

  it("expands a question that uses a whole description to the name's terms", () => {
    const lexicon = buildEventLexicon(passages);
    const expansions = aliasExpansions(lexicon, new Set(["state", "broadcast", "show"]));
    expect([...expansions.values()].flat()).toContain("rtvx");
    expect(aliasExpansions(lexicon, new Set(["broadcast"])).size).toBe(0);
  });
});

describe("event lexicon on a hostile article", () => {
  it("reads words with 40,000 quotation marks around them in linear time", () => {
    const hostile = splitIntoPassages(
      makeArticle({
        id: "marks",
        body: [
          {
            kind: "paragraph",
            text: `City engineer ${"“".repeat(40_000)}Maria${")".repeat(40_000)}x said so.`,
          },
        ],
      }),
    );
    const started = performance.now();
    mineAliases(hostile);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

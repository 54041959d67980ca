import { describe, expect, it } from "vitest";
import { mergeDuplicates, sameReport } from "../../src/answer/merge-duplicates.js";
import type { Passage } from "../../src/passages/passage.js";
import { overlap, shinglesOf } from "../../src/text/shingles.js";

function passage(
  articleId: string,
  text: string,
  source: Partial<Passage> = {},
): { passage: Passage } {
  return {
    passage: {
      id: `${articleId}#0`,
      articleId,
      position: 0,
      section: null,
      text,
      sentences: [text],
      title: null,
      outlet: null,
      url: null,
      published: null,
      ...source,
    },
  };
}

const SAME =
  "Mikhail Ulyanov, Russia's envoy to international organizations in Vienna, later confirmed the reports.";

describe("mergeDuplicates", () => {
  it("merges the same fact from several outlets into the best-sourced passage, listing the others", () => {
    const groups = mergeDuplicates([
      passage("a", SAME.replace("Russia's", "Russia’s")),
      passage("b", "Something else entirely happened in Damascus on Sunday."),
      passage("c", SAME, {
        outlet: "Times",
        url: "https://times.example/x",
        published: "2024-12-09",
      }),
      passage("d", `Earlier, ${SAME}`, { outlet: "Agency" }),
    ]);
    expect(groups).toHaveLength(2);
    expect(groups[0]?.best.passage.articleId).toBe("c");
    expect(groups[0]?.alsoReportedBy.map((s) => s.outlet)).toEqual([null, "Agency"]);
    expect(groups[1]?.best.passage.articleId).toBe("b");
  });

  it("keeps different facts apart and the order of the best-ranked member", () => {
    const groups = mergeDuplicates([
      passage("a", "Putin granted asylum."),
      passage("b", "The bases will be discussed."),
    ]);
    expect(groups.map((g) => g.best.passage.articleId)).toEqual(["a", "b"]);
  });

  it("keeps only the first groups with maxGroups, still merging later copies into them", () => {
    const groups = mergeDuplicates(
      [
        passage("a", "Putin granted asylum to the family."),
        passage("b", "The bases will be discussed in talks."),
        passage("c", "A third fact about the airbase in Latakia."),
        passage("d", "Putin granted asylum to the family.", { outlet: "Agency" }),
      ],
      2,
    );
    expect(groups.map((g) => g.best.passage.articleId)).toEqual(["d", "b"]);
    expect(groups[0]?.alsoReportedBy.map((s) => s.outlet)).toEqual([null]);
  });
});

describe("sameReport", () => {
  it("holds for two copies of one report, not for one sentence quoted in other company", () => {
    const ids = new Map<string, number>();
    const quote = "The floodgates at Marlow were opened at dawn on Sunday.";
    const report = `${quote} The council said the river had risen above the old bridge.`;
    const other = `${quote} Prices of grain in the northern markets fell for a third week.`;
    expect(sameReport(shinglesOf(report, ids), shinglesOf(`${report} `, ids))).toBe(true);
    expect(overlap(shinglesOf(quote, ids), shinglesOf(report, ids))).toBe(1);
    expect(sameReport(shinglesOf(quote, ids), shinglesOf(report, ids))).toBe(false);
    expect(sameReport(shinglesOf(report, ids), shinglesOf(other, ids))).toBe(false);
  });
});

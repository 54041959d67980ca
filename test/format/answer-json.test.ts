import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { toAnswerJson } from "../../src/format/answer-json.js";
import type { NewsFields } from "../../src/news/news-fields.js";
import { answerOf, itemOf, passageOf, unattributedArticle } from "../support/answer-fixtures.js";

const answer: Answer = answerOf("where did they flee", [
  itemOf(passageOf(["Residents fled to , officials said.", "Roads were closed."]), {
    score: 0.98765,
    matchedTerms: ["fled"],
  }),
]);

const news: NewsFields[] = [
  {
    speaker: "Lena Marsh, spokeswoman",
    via: ["Nordpress"],
    source: unattributedArticle({
      title: "Residents fled to",
      published: "2019-05-14",
      inferred: true,
    }),
    reportedBy: [
      {
        title: "Dam Breach",
        outlet: "Valley Courier",
        namedOutlet: "Valley Courier",
        url: "https://courier.example/dam",
        published: "2019-05-14",
        inferred: false,
      },
    ],
  },
];

describe("toAnswerJson", () => {
  it("gives each result the old fields, then speaker, via and reportedBy as {title, outlet, url}", () => {
    const [result] = toAnswerJson(answer, news).results;
    expect(result).toEqual({
      text: "Residents fled to […], officials said. Roads were closed.",
      rawText: "Residents fled to , officials said. Roads were closed.",
      title: null,
      outlet: null,
      outletLabel: "unattributed, citing Nordpress",
      url: null,
      published: null,
      score: 0.988,
      answer: "Residents fled to […], officials said.",
      speaker: "Lena Marsh, spokeswoman",
      via: ["Nordpress"],
      reportedBy: [
        { title: "Dam Breach", outlet: "Valley Courier", url: "https://courier.example/dam" },
      ],
    });
  });

  it("names who else reports the claim in reportedBy alone, not the copies merged into a result", () => {
    const copy = { title: "Dam Breach", outlet: "Valley Courier", url: null, published: null };
    const merged = answerOf("where did they flee", [
      itemOf(passageOf(["Residents fled."]), { alsoReportedBy: [copy] }),
    ]);
    const [result] = toAnswerJson(merged, news).results;
    expect(result).not.toHaveProperty("alsoReportedBy");
    expect(result?.reportedBy.map((article) => article.outlet)).toEqual(["Valley Courier"]);
  });

  it("gives null and empty lists without news fields, and the confidence and suggestions", () => {
    const json = toAnswerJson(answer);
    expect(json.confidence).toBe("confident");
    expect(json.results[0]).toMatchObject({ speaker: null, via: [], reportedBy: [] });
    const none = toAnswerJson({
      question: "q",
      confidence: "none",
      items: [],
      suggestions: ["why"],
    });
    expect(none).toEqual({ query: "q", confidence: "none", suggestions: ["why"], results: [] });
  });
});

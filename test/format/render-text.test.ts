import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { THIS_ARTICLE_ONLY } from "../../src/format/answer-attribution.js";
import { NO_MATCH_TEXT, SUGGESTIONS_HEADING, TENTATIVE_TEXT } from "../../src/format/messages.js";
import { PLAIN_STYLE, renderAnswerText } from "../../src/format/render-text.js";
import type { NewsFields } from "../../src/news/news-fields.js";
import type { Passage } from "../../src/passages/passage.js";
import {
  citedArticle,
  itemOf,
  passageOf,
  unattributedArticle,
} from "../support/answer-fixtures.js";

const passage: Passage = passageOf(["The dam opened on Monday."], {
  title: "Dam opens",
  outlet: "River News",
});

const item = itemOf(passage, { matchedTerms: ["dam"] });

describe("renderAnswerText", () => {
  it("says which kind of reply it is", () => {
    const confident: Answer = { question: "q", confidence: "confident", items: [item] };
    const tentative: Answer = { ...confident, confidence: "tentative" };
    expect(renderAnswerText(confident)).not.toContain(TENTATIVE_TEXT);
    expect(renderAnswerText(tentative).startsWith(TENTATIVE_TEXT)).toBe(true);
    const none: Answer = {
      question: "q",
      confidence: "none",
      items: [],
      suggestions: ["when did the dam open"],
    };
    expect(renderAnswerText(none)).toContain(NO_MATCH_TEXT);
    expect(renderAnswerText(none)).toContain(`${SUGGESTIONS_HEADING}\n  • when did the dam open`);
  });
});

describe("renderAnswerText with the news fields", () => {
  const answer: Answer = { question: "q", confidence: "confident", items: [item] };
  const courier = citedArticle({
    title: "Dam opens",
    outlet: "River News",
    namedOutlet: "River News",
    url: "https://river.example/dam",
    published: "2019-05-14",
    inferred: true,
  });
  const unattributed = unattributedArticle({
    title: "Dam gates open, officials say",
    published: null,
  });

  it("shows who said it, the source line and the articles that report the claim", () => {
    const news: NewsFields[] = [
      {
        speaker: "Lena Marsh, spokeswoman",
        via: ["Nordpress"],
        source: courier,
        reportedBy: [unattributed],
      },
    ];
    expect(renderAnswerText(answer, PLAIN_STYLE, { news })).toBe(
      [
        "1. The **dam** opened on Monday.",
        "   Lena Marsh, spokeswoman (via Nordpress)",
        "   — River News · Dam opens · 14 May 2019 (inferred)",
        "     https://river.example/dam",
        "   Reported by 2 articles: River News, “Dam gates open, officials say”",
      ].join("\n"),
    );
  });

  it("says an article with no outlet by what it gives, and a lone claim as this article only", () => {
    const news: NewsFields[] = [{ speaker: null, via: [], source: unattributed, reportedBy: [] }];
    const text = renderAnswerText(answer, PLAIN_STYLE, { news });
    expect(text).toContain(
      "   — unattributed, citing Nordpress · Dam gates open, officials say · date not given",
    );
    expect(text).toContain(`   ${THIS_ARTICLE_ONLY}`);
    expect(text).not.toMatch(/unknown outlet/i);
  });

  it("shows a scraper's hole as […]", () => {
    const holed: Passage = { ...passage, sentences: ["The dam in , officials said."] };
    const text = renderAnswerText({ ...answer, items: [{ ...item, passage: holed }] });
    expect(text).toContain("The **dam** in […], officials said.");
  });

  it("types suggestions with the command name", () => {
    const none: Answer = { question: "q", confidence: "none", items: [], suggestions: ["why"] };
    expect(renderAnswerText(none, PLAIN_STYLE, { commandName: "npm run ask --" })).toContain(
      "  • npm run ask -- why",
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  citedDate,
  INFERRED_DATE_MARK,
  quoteOnce,
  reportedByHeading,
  reportingArticles,
  reportingName,
} from "../../src/format/answer-attribution.js";
import { UNDATED } from "../../src/format/source-label.js";
import type { NewsFields } from "../../src/news/news-fields.js";
import { citedArticle, unattributedArticle } from "../support/answer-fixtures.js";

const article = citedArticle;

const unattributed = unattributedArticle();

describe("reportingName", () => {
  it("names an article by its outlet, or by its quoted title where it names no outlet", () => {
    expect(reportingName(article())).toBe("Harbour Gazette");
    expect(reportingName(unattributed)).toBe("“Coast guard says all passengers are safe”");
    expect(reportingName(unattributed)).not.toMatch(/unknown|unattributed/i);
  });
});

describe("reportingArticles", () => {
  it("puts the quoted article first and counts each article once", () => {
    const fields: NewsFields = {
      speaker: null,
      via: [],
      source: article(),
      reportedBy: [unattributed, article()],
    };
    expect(reportingArticles(fields)).toEqual([article(), unattributed]);
    expect(reportedByHeading(2)).toBe("Reported by 2 articles");
  });
});

describe("citedDate", () => {
  it("formats the date and marks an inferred one", () => {
    expect(citedDate(article())).toBe("5 Mar 2021");
    expect(citedDate(article({ inferred: true }))).toBe(`5 Mar 2021 ${INFERRED_DATE_MARK}`);
    expect(citedDate(article({ published: null }))).toBe(UNDATED);
  });
});

describe("quoteOnce", () => {
  it("quotes a plain sentence and leaves one with its own quotation marks as it is", () => {
    expect(quoteOnce("The ferry ran aground.")).toBe("“The ferry ran aground.”");
    const own = "“Everyone is safe,” the captain said.";
    expect(quoteOnce(own)).toBe(own);
    expect(quoteOnce('"Everyone is safe," she said.')).toBe('"Everyone is safe," she said.');
  });

  it("never doubles an opening quotation mark (property)", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(quoteOnce(text)).not.toMatch(/^“\s*[“"«„]/);
        expect(quoteOnce(`“${text}`)).not.toMatch(/^““/);
      }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { findDateMentions, resolveMention } from "../../src/news/resolve-dates.js";
import { newsOf, sentenceStarting } from "./news-fixture.js";

// 2019-05-14 is a Tuesday.
const TUESDAY = { date: "2019-05-14", inferred: false };

function resolve(sentence: string, article = TUESDAY, reference: string | null = null) {
  const mention = findDateMentions(sentence)[0];
  return mention ? resolveMention(mention, article, reference) : null;
}

describe("relative dates", () => {
  it("resolves weekdays to the last such day by the article's date", () => {
    expect(resolve("The dam broke on Sunday.")?.date).toBe("2019-05-12");
    expect(resolve("It gave way early Monday morning.")?.date).toBe("2019-05-13");
    expect(resolve("The ministry said Tuesday.")?.date).toBe("2019-05-14");
  });

  it("resolves month and day, with or without a year, and years alone", () => {
    expect(resolve("By the evening of May 11, it was full.")?.date).toBe("2019-05-11");
    expect(resolve("Rain began on Dec. 27.")?.date).toBe("2018-12-27");
    expect(resolve("On 3 March 2017 it was built.")?.date).toBe("2017-03-03");
    expect(resolve("It was built in 2011.")?.date).toBe("2011");
    expect(resolve("Nothing dated in a 24-year rule.")).toBeNull();
  });

  it("resolves yesterday, last night and last week", () => {
    expect(resolve("Officials met last night.")?.date).toBe("2019-05-13");
    expect(resolve("Officials met last week.")?.date).toBe("2019-05");
  });

  it("marks dates resolved against an inferred article date, or against the corpus's year", () => {
    expect(resolve("On Sunday it broke.", { date: "2019-05-14", inferred: true })).toEqual({
      date: "2019-05-12",
      inferred: true,
    });
    expect(resolve("On May 9 it rained.", null as never, "2019-05-14")).toEqual({
      date: "2019-05-09",
      inferred: true,
    });
  });
});

describe("date inference", () => {
  const data = newsOf([
    {
      id: "dated",
      published: "2019-05-14",
      outlet: "Valley Courier",
      paragraphs: [
        "Rescue teams reached the three flooded villages on Tuesday, the ministry said.",
      ],
    },
    {
      id: "undated",
      paragraphs: [
        "Rescue teams reached the three flooded villages, a ministry source said.",
        "The dam gave way on Monday.",
      ],
    },
    { id: "alone", paragraphs: ["Nothing here is shared with any other article."] },
  ]);

  it("dates an undated article by an event it shares with a dated one, marked inferred", () => {
    expect(data.articleById.get("undated")?.date).toEqual({ date: "2019-05-14", inferred: true });
    expect(sentenceStarting(data, "The dam gave way").date).toEqual({
      date: "2019-05-13",
      inferred: true,
    });
  });

  it("leaves an article that shares nothing undated", () => {
    expect(data.articleById.get("alone")?.date).toBeNull();
  });
});

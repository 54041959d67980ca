import { describe, expect, it } from "vitest";
import { digestHeading, renderDigestMessage } from "../../src/format/desk-blocks.js";
import { HOME_DESK_TITLE, HOME_NO_FEEDS, renderDeskBlocks } from "../../src/format/home-desk.js";
import { freshFeedState } from "../../src/ingest/poll-feeds.js";
import type { FeedState } from "../../src/ingest/poll-types.js";
import type { Digest } from "../../src/news/digest.js";

function feedState(fields: Partial<FeedState> & { url: string }): FeedState {
  return { ...freshFeedState({ url: fields.url, name: null }), ...fields };
}

const DIGEST: Digest = {
  articles: [
    {
      id: "a",
      title: "Harbour <reopens> *soon*",
      outlet: "Velda & Post",
      url: "https://post.test/a|b",
      published: "2031-03-05",
    },
    { id: "b", title: "Untraced", outlet: "Wire", url: null, published: null },
  ],
  highlights: [
    {
      kind: "statement",
      text: '"The wall held," the mayor said.',
      date: null,
      speaker: "Tomas Reyk, mayor",
      articleId: "a",
      outlet: "Velda & Post",
      url: "https://post.test/a",
    },
  ],
};

function allText(blocks: unknown[]): string {
  return JSON.stringify(blocks);
}

describe("renderDigestMessage", () => {
  it("lists each article with its link, outlet and date, then what they add, then how to stop", () => {
    const message = renderDigestMessage(DIGEST, "/syria");
    const text = allText(message.blocks);
    expect(message.text).toContain(digestHeading(2));
    expect(text).toContain("<https://post.test/a%7Cb|Harbour &lt;reopens&gt; soon>");
    expect(text).toContain("Velda &amp; Post · 5 Mar 2031");
    expect(text).toContain("date not given");
    expect(text).toContain("Tomas Reyk, mayor");
    expect(text).toContain("`/syria unfollow`");
    expect(message.blocks.length).toBeLessThanOrEqual(50);
  });

  it("counts the articles past the tenth instead of listing them", () => {
    const many: Digest = {
      articles: Array.from({ length: 14 }, (_, i) => ({
        id: `a${i}`,
        title: `Title ${i}`,
        outlet: "Wire",
        url: null,
        published: "2031-03-01",
      })),
      highlights: [],
    };
    const text = allText(renderDigestMessage(many, "/syria").blocks);
    expect(text).toContain("…and 4 more");
    expect(text).not.toContain("Title 12");
  });
});

describe("renderDeskBlocks (App Home)", () => {
  it("shows when the articles last changed and each feed's fetch, additions and error", () => {
    const blocks = renderDeskBlocks({
      corpusChangedAt: Date.UTC(2031, 2, 5, 9, 30),
      feeds: [
        feedState({
          url: "https://a.test/rss",
          name: "A News",
          lastFetchAt: "2031-03-05T09:45:00.000Z",
          itemsAdded: 7,
        }),
        feedState({
          url: "https://b.test/rss",
          lastFetchAt: "2031-03-05T09:45:00.000Z",
          lastError: "HTTP 500 <html>",
          consecutiveFailures: 3,
          failing: true,
        }),
      ],
    });
    const text = allText(blocks);
    expect(text).toContain(HOME_DESK_TITLE);
    expect(text).toContain("last changed 2031-03-05 09:30 UTC");
    expect(text).toContain("A News: last fetch 2031-03-05 09:45 UTC, 7 articles added");
    expect(text).toContain("https://b.test/rss");
    expect(text).toContain("*failing* (3 times in a row): last error: HTTP 500 &lt;html&gt;");
  });

  it("says when no feed is polled", () => {
    expect(allText(renderDeskBlocks({ corpusChangedAt: null, feeds: [] }))).toContain(
      HOME_NO_FEEDS,
    );
  });
});

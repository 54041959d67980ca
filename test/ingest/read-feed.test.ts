import { describe, expect, it } from "vitest";
import { FeedParseError, MAX_FEED_ITEMS, readFeed } from "../../src/ingest/read-feed.js";
import { fixtureText } from "./fixture-site.js";

const BASE = "http://feeds.test";

const reason = (text: string, mediaType = "application/xml"): string => {
  try {
    readFeed(text, mediaType);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    return (error as FeedParseError).reason;
  }
  throw new Error("readFeed accepted the feed");
};

describe("readFeed", () => {
  it("reads RSS 2.0 with media:content, dc:creator and CDATA, and an item without a link", () => {
    const feed = readFeed(fixtureText("rss.xml", BASE), "application/rss+xml");
    expect(feed.format).toBe("rss");
    expect(feed.totalItems).toBe(4);
    expect(feed.items[0]).toEqual({
      link: `${BASE}/news/strike-day-one?utm_source=rss&utm_medium=feed`,
      title: "Dockworkers walk out as port talks collapse",
      text: "Cranes stood idle on Monday as the strike began.",
      published: "2025-01-13",
    });
    expect(feed.items[1]?.link).toBe(`${BASE}/news/bridge`);
    // A guid that is not a permalink is no link.
    expect(feed.items[2]?.link).toBeNull();
    expect(feed.items[2]?.title).toBe("Live: strike day one as it happened");
  });

  it("reads Atom 1.0 with XHTML content and HTML titles as plain text", () => {
    const feed = readFeed(fixtureText("atom.xml", BASE), "application/atom+xml");
    expect(feed.format).toBe("atom");
    expect(feed.items[0]).toMatchObject({
      link: `${BASE}/ledger/wire-strike`,
      title: "Ministers summoned as the port stands still",
      published: "2025-01-14",
    });
    expect(feed.items[0]?.text).toBe(
      "The dockworkers union said the stoppage would last until pay talks resume.",
    );
    expect(feed.items[1]?.text).toBe(
      "Birdwatchers counted more nests than in any year since 2010.",
    );
  });

  it("reads JSON Feed 1.1", () => {
    const feed = readFeed(fixtureText("feed.json", BASE), "application/feed+json");
    expect(feed.format).toBe("json-feed");
    expect(feed.items.map((i) => i.link)).toEqual([
      `${BASE}/coastline/wire-strike`,
      `${BASE}/coastline/regatta`,
    ]);
    expect(feed.items[0]?.text).toContain("dockworkers union");
    expect(feed.items[0]?.published).toBe("2025-01-14");
  });

  it("reads a news sitemap: link from <loc>, title and keywords from <news:news>", () => {
    const feed = readFeed(fixtureText("news-sitemap.xml", BASE), "application/xml");
    expect(feed.format).toBe("news-sitemap");
    expect(feed.items[0]).toEqual({
      link: `${BASE}/news/strike-day-two`,
      title: "Second day of the port stoppage: ferries diverted",
      text: "strike, port, ferries",
      published: "2025-01-14",
    });
    expect(feed.items).toHaveLength(2);
  });

  it("refuses malformed XML, naming the line", () => {
    const broken =
      "<?xml version='1.0'?>\n<rss>\n<channel>\n<item><title>x</title>\n</channel></rss>";
    expect(reason(broken)).toMatch(/^malformed XML at line \d+: /);
  });

  it("refuses entity declarations, so an entity bomb is never expanded", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><title>&c;&c;&c;</title></item></channel></rss>`;
    expect(reason(bomb)).toMatch(/declares entities/);
  });

  it("refuses what is not a feed: HTML, other XML, JSON that is not a JSON Feed", () => {
    expect(reason("<html><body><p>hi</p></body></html>", "text/html")).toMatch(
      /the root is <html>/,
    );
    expect(reason('{"items": []}', "application/json")).toMatch(/not a JSON Feed/);
    expect(reason("{not json", "application/json")).toMatch(/malformed JSON/);
    const plainSitemap =
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/</loc></url></urlset>';
    expect(reason(plainSitemap)).toMatch(/not a news sitemap/);
  });

  it("reads only the first 500 items of a feed of 100,000, and counts them all", () => {
    const item = (i: number) =>
      `<item><title>Item ${i}</title><link>https://a.example/${i}</link></item>`;
    const items = Array.from({ length: 100_000 }, (_, i) => item(i)).join("");
    const feed = readFeed(
      `<rss version="2.0"><channel>${items}</channel></rss>`,
      "application/rss+xml",
    );
    expect(feed.items).toHaveLength(MAX_FEED_ITEMS);
    expect(feed.totalItems).toBe(100_000);
    expect(feed.items.at(-1)?.link).toBe("https://a.example/499");
  });

  it("drops links that are not http(s)", () => {
    const feed = readFeed(
      "<rss><channel><item><title>x</title><link>javascript:alert(1)</link></item></channel></rss>",
      "application/rss+xml",
    );
    expect(feed.items[0]?.link).toBeNull();
  });
});

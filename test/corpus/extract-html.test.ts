import { readFile } from "node:fs/promises";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import {
  dayOf,
  ExtractError,
  extractArticleFromHtml,
  readPageMetadata,
} from "../../src/corpus/extract-html.js";

const page = (name: string) =>
  readFile(new URL(`../fixtures/pages/${name}`, import.meta.url), "utf8");

const paragraphs = (body: { kind: string; text: string }[]) =>
  body.filter((b) => b.kind === "paragraph").map((b) => b.text);

describe("extractArticleFromHtml on saved page shapes", () => {
  it("reads a page with JSON-LD only, taking the headline before the <title> with the site name", async () => {
    const { meta, body } = extractArticleFromHtml(await page("jsonld-only.html"));
    expect(meta).toEqual({
      title: "Harbour bridge reopens after two years of repairs",
      outlet: "The Harbour Gazette",
      url: "https://harbourgazette.example/news/2023/05/bridge-reopens",
      published: "2023-05-14",
      language: "en",
    });
    expect(paragraphs(body)).toHaveLength(4);
    expect(paragraphs(body)[0]).toMatch(/^The old swing bridge/);
  });

  it("reads a page with Open Graph only", async () => {
    const { meta, body } = extractArticleFromHtml(await page("opengraph-only.html"));
    expect(meta).toEqual({
      title: "Glacier lake warning lifted for three valleys",
      outlet: "Alpine Courier",
      url: "https://alpinecourier.example/valleys/glacier-lake-warning-lifted",
      published: "2022-08-03",
      language: "en",
    });
    expect(paragraphs(body).at(-1)).toMatch(/sensors on the glacier/);
  });

  it("reads a page with neither: the title from <title>, the rest unknown", async () => {
    const { meta, body } = extractArticleFromHtml(await page("title-and-article.html"));
    expect(meta).toEqual({
      title: "Library returns a book borrowed in 1958",
      outlet: null,
      url: null,
      published: null,
      language: "en",
    });
    expect(paragraphs(body)).toHaveLength(3);
  });

  it("finds the NewsArticle inside an @graph and resolves its publisher reference", async () => {
    const { meta } = extractArticleFromHtml(await page("jsonld-graph.html"));
    expect(meta).toEqual({
      title: "Chess title decided in a final rapid game",
      outlet: "Boardside",
      url: "https://boardside.example/2021/11/chess-title-decided/",
      published: "2021-11-28",
      language: "en",
    });
  });

  it("drops navigation, ads, related links, comments and the footer, keeping subheadings", async () => {
    const { meta, body } = extractArticleFromHtml(await page("with-furniture.html"));
    expect(meta.title).toBe("Volcano eruption grounds flights across the islands");
    expect(meta.url).toBe("https://islandpost.example/news/volcano-eruption-grounds-flights");
    expect(meta.published).toBe("2024-02-19");
    expect(body).toContainEqual({ kind: "heading", text: "Airlines offer rebooking" });
    const text = body.map((b) => b.text).join("\n");
    expect(paragraphs(body)).toHaveLength(4);
    for (const furniture of [
      "Subscribe",
      "Advertisement",
      "cookies",
      "Related stories",
      "Earthquake swarm",
      "Stay safe",
      "All rights reserved",
      "By Tor Hallan",
    ]) {
      expect(text).not.toContain(furniture);
    }
  });

  it("says when a page holds no article text, or is not HTML", () => {
    const empty = "<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>";
    expect(() => extractArticleFromHtml(empty)).toThrow(ExtractError);
    expect(() => extractArticleFromHtml(empty)).toThrow(/^Extract: no article text/);
    expect(() => extractArticleFromHtml("just some words")).toThrow(/^Extract: not an HTML page/);
  });
});

describe("readPageMetadata", () => {
  const head = (inner: string) =>
    parseHTML(`<html><head>${inner}</head><body></body></html>`).document;

  it("prefers the JSON-LD headline and publisher over Open Graph, and the canonical url over og:url", () => {
    const document = head(`
      <meta property="og:title" content="Preview title">
      <meta property="og:site_name" content="Preview Site">
      <meta property="og:url" content="https://news.example/a?utm_source=x">
      <link rel="canonical" href="/a">
      <script type="application/ld+json">[{"@type":"WebSite","name":"x"},
        {"@type":"NewsArticle","headline":"Real headline","publisher":[{"name":"Real Outlet"}],
         "datePublished":"2020-02-29T23:30:00-05:00"}]</script>`);
    expect(readPageMetadata(document)).toEqual({
      title: "Real headline",
      outlet: "Real Outlet",
      url: "https://news.example/a",
      published: "2020-02-29",
      language: null,
    });
  });

  it("decodes HTML entities that publishing tools write into JSON-LD", () => {
    const document = head(`<script type="application/ld+json">{"@type":"NewsArticle",
      "headline":"Mayor&#8217;s plan: roads &amp; rails","publisher":{"name":"Q&#x26;A Weekly"}}</script>`);
    expect(readPageMetadata(document)).toMatchObject({
      title: "Mayor\u2019s plan: roads & rails",
      outlet: "Q&A Weekly",
    });
  });

  it("ignores a malformed JSON-LD block and a url that is not http(s)", () => {
    const document = head(`
      <script type="application/ld+json">{"@type": "NewsArticle", </script>
      <meta property="og:title" content="Fallback">
      <link rel="canonical" href="javascript:alert(1)">`);
    const metadata = readPageMetadata(document);
    expect(metadata.title).toBe("Fallback");
    expect(metadata.url).toBeNull();
  });

  it("strips the site's name from <title> only when the site is known", () => {
    const known = head(
      `<title>Storm closes port - Coast Times</title><meta property="og:site_name" content="Coast Times">`,
    );
    expect(readPageMetadata(known).title).toBe("Storm closes port");
    expect(readPageMetadata(head("<title>Storm closes port - Coast Times</title>")).title).toBe(
      "Storm closes port - Coast Times",
    );
  });
});

describe("dayOf", () => {
  it("keeps the publisher's calendar day and reads written dates", () => {
    expect(dayOf("2024-12-09T23:10:00+03:00")).toBe("2024-12-09");
    expect(dayOf("2024-12-09")).toBe("2024-12-09");
    expect(dayOf("December 9, 2024")).toBe("2024-12-09");
    expect(dayOf("2024-02-30T00:00:00Z")).toBeNull();
    expect(dayOf("yesterday")).toBeNull();
    expect(dayOf(null)).toBeNull();
  });
});

describe("extractArticleFromHtml on a deeply nested page", () => {
  it("refuses 10,000 deep before parsing, with EXTRACT_REFUSED and no stack overflow", () => {
    const html = `<html><body>${"<div>".repeat(10_000)}<p>${"word ".repeat(40)}</p></body></html>`;
    let thrown: unknown = null;
    try {
      extractArticleFromHtml(html);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExtractError);
    expect((thrown as ExtractError).code).toBe("EXTRACT_REFUSED");
    expect((thrown as Error).message).toMatch(/nests its elements more than \d+ deep/);
  });
});

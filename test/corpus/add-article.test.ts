import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AddArticleError,
  addArticle,
  corpusFileName,
  findDuplicate,
  inputKindOf,
  normaliseUrl,
} from "../../src/corpus/add-article.js";
import { MAX_ARTICLE_BYTES, MAX_HTML_DEPTH } from "../../src/corpus/article-limits.js";
import { loadCorpus } from "../../src/corpus/load-corpus.js";

const fixture = (name: string) => new URL(`../fixtures/pages/${name}`, import.meta.url).pathname;

const NOW = Date.UTC(2025, 0, 15);

let dir: string;
let corpusDir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "add-article-"));
  corpusDir = join(dir, "corpus");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Pages read on this thread: a worker under tsx costs seconds; the tests of limits use one. */
const add = (file: string, overrides = {}) =>
  addArticle(file, { corpusDir, nowMilliseconds: NOW, overrides, extractTimeoutMs: null });
/** As corpus:add does it: pages read in a worker with the default deadline. */
const addOffThread = (file: string) => addArticle(file, { corpusDir, nowMilliseconds: NOW });

const refusal = async (promise: Promise<unknown>): Promise<AddArticleError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AddArticleError);
  return error as AddArticleError;
};

describe("addArticle", () => {
  it("writes a saved page as a corpus file the corpus loader reads back with its metadata", async () => {
    const added = await add(fixture("with-furniture.html"));
    expect(added.file).toMatch(/corpus[\\/]000_[0-9a-f]{16}\.md$/);
    const [article] = await loadCorpus(corpusDir, { nowMilliseconds: NOW });
    expect(article).toMatchObject({
      title: "Volcano eruption grounds flights across the islands",
      outlet: "Island Post",
      url: "https://islandpost.example/news/volcano-eruption-grounds-flights",
      published: "2024-02-19",
      language: "en",
    });
    expect(article?.body).toContainEqual({ kind: "heading", text: "Airlines offer rebooking" });
    const text = await readFile(added.file, "utf8");
    expect(text).toMatch(/^---\ntitle: .*\noutlet: Island Post\nurl: .*\npublished: 2024-02-19\n/);
  });

  it("writes null for what a page does not say, and numbers files after the existing ones", async () => {
    await add(fixture("jsonld-only.html"));
    const second = await add(fixture("title-and-article.html"));
    expect(second.file).toMatch(/001_[0-9a-f]{16}\.md$/);
    const text = await readFile(second.file, "utf8");
    expect(text).toContain("outlet: null\nurl: null\npublished: null\n");
    expect(await loadCorpus(corpusDir, { nowMilliseconds: NOW })).toHaveLength(2);
  });

  it("refuses the same page again by its url, naming the file that holds it", async () => {
    const first = await add(fixture("jsonld-only.html"));
    const error = await refusal(add(fixture("jsonld-only.html")));
    expect(error.code).toBe("ADD_DUPLICATE");
    expect(error.message).toContain(first.file);
    expect(error.message).toMatch(/^AddArticle: .*same url/);
    expect((await readdir(corpusDir)).filter((n) => n.endsWith(".md"))).toHaveLength(1);
  });

  it("refuses the same story saved as text from another address, by its shingles", async () => {
    const first = await add(fixture("opengraph-only.html"));
    const copy = join(dir, "copy.txt");
    await writeFile(
      copy,
      [
        "Glacier lake warning lifted",
        "",
        "Authorities lifted a flood warning for three mountain valleys on Wednesday after a lake that had formed on top of the Vessen glacier drained slowly overnight instead of bursting through its ice wall.",
        "",
        "About 1,200 residents who had been told to stay ready to leave their homes were allowed to return to normal life, the regional civil protection office said in a statement.",
        "",
        "Glaciologists had watched the lake grow for three weeks during a heat wave. They said the water found a channel under the ice, which let it escape at a rate the rivers below could carry.",
      ].join("\n"),
    );
    const error = await refusal(add(copy));
    expect(error.code).toBe("ADD_DUPLICATE");
    expect(error.message).toContain(first.file);
    expect(error.message).toMatch(/nearly the same text \(\d+% shared\)/);
  });

  it("adds plain text and Markdown, taking the title from the first line or # heading", async () => {
    const text = join(dir, "ferry.txt");
    await writeFile(
      text,
      "Night ferry returns to service\n\nThe night ferry between the two ports sailed again on Friday after a month in dry dock, its operator said, with a new engine and room for forty more cars.\n",
    );
    const markdown = join(dir, "orchard.md");
    await writeFile(
      markdown,
      "# Orchard harvest smallest in a decade\n\nSource: Valley Farmer\n\nApple growers in the valley picked their smallest harvest in ten years after a late frost in April killed most of the blossom, the growers' association said on Tuesday.\n",
    );
    const ferry = await add(text, { url: "https://ports.example/night-ferry" });
    expect(ferry.meta).toMatchObject({
      title: "Night ferry returns to service",
      url: "https://ports.example/night-ferry",
    });
    const orchard = await add(markdown);
    expect(orchard.meta).toMatchObject({
      title: "Orchard harvest smallest in a decade",
      outlet: "Valley Farmer",
    });
    expect(await loadCorpus(corpusDir, { nowMilliseconds: NOW })).toHaveLength(2);
  });

  it("takes a Markdown file with front matter as a corpus file", async () => {
    const file = join(dir, "ready.md");
    await writeFile(
      file,
      "---\ntitle: Tram line opens\noutlet: City Desk\nurl: https://city.example/tram\npublished: 2024-06-01\nlanguage: en\n---\n\nThe new tram line carried its first passengers on Saturday, linking the station with the university campus in twelve minutes.\n",
    );
    const added = await add(file);
    expect(added.meta).toEqual({
      title: "Tram line opens",
      outlet: "City Desk",
      url: "https://city.example/tram",
      published: "2024-06-01",
      language: "en",
    });
  });

  it("refuses bad input with one line that names the file, and writes nothing", async () => {
    const binary = join(dir, "page.html");
    await writeFile(binary, Buffer.from([0x3c, 0x70, 0x3e, 0x00, 0x01]));
    const empty = join(dir, "empty.txt");
    await writeFile(empty, "\n\n");
    const nav = join(dir, "nav.html");
    await writeFile(nav, "<html><body><nav><a href='/'>Home</a></nav></body></html>");
    const future = join(dir, "future.txt");
    await writeFile(
      future,
      "Some headline\n\nA paragraph long enough to be an article about a thing.\n",
    );

    const cases: [() => Promise<unknown>, string, RegExp][] = [
      [
        () => add(join(dir, "missing.html")),
        "ADD_UNREADABLE",
        /missing\.html: cannot read \(ENOENT\)/,
      ],
      [() => add(join(dir, "photo.jpg")), "ADD_UNSUPPORTED", /photo\.jpg: not a saved page/],
      [() => add(binary), "ADD_UNREADABLE", /page\.html: binary file/],
      [() => add(empty), "ADD_NO_TEXT", /empty\.txt: no article text/],
      [() => add(nav), "ADD_NO_TEXT", /nav\.html: no article text found/],
      [
        () => add(future, { published: "2030-01-01" }),
        "ADD_INVALID",
        /future\.txt: 'published' 2030-01-01 is after today/,
      ],
    ];
    for (const [attempt, code, message] of cases) {
      const error = await refusal(attempt());
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/^AddArticle: /);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain("\n");
    }
    const left = await readdir(corpusDir).catch(() => []);
    expect(left).toEqual([]);
  });
});

describe("the duplicate check", () => {
  const body = (text: string) => [{ kind: "paragraph" as const, text }];
  const story =
    "The harbour master said the storm had moved the buoys marking the channel, so every ship would wait outside until divers checked them on Thursday morning.";

  it("matches urls that differ only by www, case, tracking, fragment or a final slash", () => {
    expect(normaliseUrl("https://WWW.News.example/a/b/?utm_source=x&id=3#top")).toBe(
      normaliseUrl("https://news.example/a/b?id=3"),
    );
    expect(normaliseUrl("https://news.example/a?id=3")).not.toBe(
      normaliseUrl("https://news.example/a?id=4"),
    );
  });

  it("finds nearly the same text and not a different story on the same subject", () => {
    const existing = [{ file: "corpus/000_a.md", url: null, body: body(story) }];
    const edited = { meta: meta(null), body: body(`${story} Ferries were not affected.`) };
    expect(findDuplicate(edited, existing)).toMatchObject({
      file: "corpus/000_a.md",
      reason: "text",
    });
    const other = {
      meta: meta(null),
      body: body(
        "Divers checked the buoys marking the channel on Thursday and found two had drifted, the harbour master said, and ships began to enter the port again at noon.",
      ),
    };
    expect(findDuplicate(other, existing)).toBeNull();
  });

  it("names files by the next number and the body's hash", () => {
    expect(corpusFileName(body(story), ["000_x.md", "007_y.md", "notes.md"])).toMatch(
      /^008_[0-9a-f]{16}\.md$/,
    );
    expect(corpusFileName(body(story), [])).toMatch(/^000_/);
  });

  it("reads the kind of input from the extension", () => {
    expect(inputKindOf("a/page.HTM")).toBe("html");
    expect(inputKindOf("notes.markdown")).toBe("markdown");
    expect(inputKindOf("story.txt")).toBe("text");
    expect(inputKindOf("data.json")).toBeNull();
  });
});

function meta(url: string | null) {
  return { title: null, outlet: null, url, published: null, language: "en" };
}

describe("addArticle's limits (issue 20, finding 6)", () => {
  const page = (body: string, head = "") =>
    `<!doctype html><html lang="en"><head><title>Quarry flood</title>${head}</head><body>${body}</body></html>`;
  const paragraphs = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>Paragraph ${i} of the report says the quarry flooded after three days of rain and that the pumps were restarted by the night crew.</p>`,
  ).join("");

  it("refuses a page nested 10,000 deep at once, in a sentence, without overflowing the stack", async () => {
    const deep = join(dir, "deep.html");
    await writeFile(deep, page(`${"<div>".repeat(10_000)}${paragraphs}${"</div>".repeat(10_000)}`));
    const started = performance.now();
    const error = await refusal(addOffThread(deep));
    // Generous: the refusal is one linear scan (milliseconds); parsing took minutes or overflowed.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error.code).toBe("ADD_TOO_LARGE");
    expect(error.message).toBe(
      `AddArticle: ${deep}: the page nests its elements more than ${MAX_HTML_DEPTH} deep, which no news page does; it was not parsed`,
    );
    await expect(readdir(corpusDir)).rejects.toThrow(); // nothing written, not even the folder
  });

  it("refuses the 1,000 and 2,000 deep pages that took 7 s and 74 s", async () => {
    for (const depth of [1_000, 2_000]) {
      const file = join(dir, `deep-${depth}.html`);
      await writeFile(file, page(`${"<div>".repeat(depth)}${paragraphs}${"</div>".repeat(depth)}`));
      expect((await refusal(add(file))).code).toBe("ADD_TOO_LARGE");
    }
  });

  it("stops reading a page that takes longer than its deadline, in a sentence", async () => {
    const error = await refusal(
      addArticle(fixture("jsonld-only.html"), {
        corpusDir,
        nowMilliseconds: NOW,
        extractTimeoutMs: 1,
      }),
    );
    expect(error.code).toBe("ADD_TOO_LARGE");
    expect(error.message).toMatch(
      /: reading the page took longer than 0\.001 s, so it was stopped$/,
    );
  });

  it("refuses a text whose corpus file would be over MAX_ARTICLE_BYTES (10 MB against 5 MiB)", async () => {
    const big = join(dir, "big.txt");
    const line =
      "The pumps ran all night and the water in the quarry fell by a metre before dawn. ";
    const paragraph = (i: number) => `Report ${i}: ${line.repeat(20)}\n\n`;
    await writeFile(
      big,
      `# Quarry flood\n\n${Array.from({ length: 6_200 }, (_, i) => paragraph(i)).join("")}`,
    );
    const error = await refusal(add(big));
    expect(error.code).toBe("ADD_TOO_LARGE");
    expect(error.message).toMatch(
      new RegExp(
        `: the article would be \\d+ bytes, over MAX_ARTICLE_BYTES \\(${MAX_ARTICLE_BYTES}\\)$`,
      ),
    );
    await expect(readdir(corpusDir)).resolves.toEqual([]);
  }, 30_000);

  it("takes every control character out of what a page's JSON-LD says", async () => {
    const jsonLd = JSON.stringify({
      "@type": "NewsArticle",
      headline: "Quarry\u0000 flood\u001b]0;pwned\u0007 report",
      publisher: { name: "The\u2028Valley\u0085Courier" },
      datePublished: "2024-03-02",
    });
    const file = join(dir, "nul.html");
    // Off the thread, as corpus:add reads it: what the worker sends back is cleaned too.
    await writeFile(
      file,
      page(
        `<article>${paragraphs}</article>`,
        `<script type="application/ld+json">${jsonLd}</script>`,
      ),
    );
    const added = await addOffThread(file);
    expect(added.meta.title).toBe("Quarry flood]0;pwned report");
    expect(added.meta.outlet).toBe("The Valley Courier");
    const written = await readFile(added.file, "utf8");
    expect(written).not.toMatch(/[\p{Cc}\u2028\u2029](?<!\n)/u);
    const [article] = await loadCorpus(corpusDir, { nowMilliseconds: NOW });
    expect(article?.title).toBe("Quarry flood]0;pwned report");
  });
});

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderCorroboration } from "../../src/format/render-answer-blocks.js";
import { corroborationText } from "../../src/format/render-text.js";
import { replyToJson } from "../../src/format/reply-json.js";
import { renderReplyText } from "../../src/format/reply-text.js";
import { newsFieldsOf } from "../../src/news/news-fields.js";
import { whoSaid } from "../../src/news/who.js";
import { answerRequest } from "../../src/requests/answer-request.js";
import { routeRequest } from "../../src/requests/route-request.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { readIndexFile, writeIndexFile } from "../../src/search/prebuilt-index.js";
import { newsOf, passagesOf, type TinyArticle } from "./news-fixture.js";

// A wire story, two outlets reprinting it under their own URLs, and one outlet reporting the
// same claim in its own words: made-up outlets, a made-up flood.
const WIRE =
  "Governor Ana Ruiz ordered the evacuation of the valley on Monday as the river rose past its banks.";
const ARTICLES: TinyArticle[] = [
  {
    id: "wire",
    title: "Valley evacuated as river rises",
    outlet: "Lowland Wire",
    url: "https://wire.example/valley",
    published: "2022-04-11",
    paragraphs: [WIRE, "Buses took families to the school gymnasium in the town."],
  },
  {
    id: "herald",
    title: "Valley evacuated as river rises",
    outlet: "Hill Herald",
    url: "https://herald.example/valley",
    published: "2022-04-11",
    copyOf: "wire",
    paragraphs: [WIRE, "Buses took families to the school gymnasium in the town."],
  },
  {
    id: "post",
    title: "Valley evacuated as river rises",
    outlet: "Marsh Post",
    url: "https://post.example/valley",
    published: "2022-04-12",
    copyOf: "wire",
    paragraphs: [WIRE, "Buses took families to the school gymnasium in the town."],
  },
  {
    id: "gazette",
    title: "Governor orders valley cleared",
    outlet: "Harbour Gazette",
    url: "https://gazette.example/cleared",
    published: "2022-04-11",
    paragraphs: [
      "The evacuation of the valley was ordered by Governor Ana Ruiz on Monday as the river rose past its banks.",
    ],
  },
];

const data = newsOf(ARTICLES);
const passages = passagesOf(ARTICLES);
const first = (articleId: string) => {
  const found = passages.find((p) => p.articleId === articleId && p.position === 0);
  if (!found) throw new Error(`no passage of ${articleId}`);
  return found;
};

describe("reprints in the news data", () => {
  it("carries copy_of from the article into its passages and the news data", () => {
    expect(first("herald").copyOf).toBe("wire");
    expect(first("wire").copyOf).toBeUndefined();
    expect(data.articleById.get("post")?.copyOf).toBe("wire");
    expect(data.articleById.get("gazette")?.copyOf).toBeNull();
  });

  it("counts the original once and lists its copies apart, as their outlets reprinting it", () => {
    const fields = newsFieldsOf(data, first("gazette"), 0);
    expect(fields.reportedBy.map((a) => a.namedOutlet)).toEqual(["Lowland Wire"]);
    expect(fields.reprintedBy?.map((a) => [a.namedOutlet, a.reprinting])).toEqual([
      ["Hill Herald", "Lowland Wire"],
      ["Marsh Post", "Lowland Wire"],
    ]);
    expect(corroborationText(fields)).toBe(
      "Reported by 2 articles: Harbour Gazette, Lowland Wire; reprints: Hill Herald (reprinting Lowland Wire), Marsh Post (reprinting Lowland Wire)",
    );
    expect(renderCorroboration(fields)).toBe(
      "Reported by 2 articles: <https://gazette.example/cleared|Harbour Gazette>, <https://wire.example/valley|Lowland Wire>; reprints: <https://herald.example/valley|Hill Herald (reprinting Lowland Wire)>, <https://post.example/valley|Marsh Post (reprinting Lowland Wire)>",
    );
  });

  it("does not count the original's copies as reports of the original", () => {
    const fields = newsFieldsOf(data, first("wire"), 0);
    expect(fields.reportedBy.map((a) => a.namedOutlet)).toEqual(["Harbour Gazette"]);
    expect(corroborationText(fields)).toMatch(
      /^Reported by 2 articles: Lowland Wire, Harbour Gazette; reprints: Hill Herald/,
    );
  });

  it("cites a quoted copy as its outlet reprinting the original, which it does not count again", () => {
    const fields = newsFieldsOf(data, first("herald"), 0);
    expect(fields.source).toMatchObject({ namedOutlet: "Hill Herald", reprinting: "Lowland Wire" });
    expect(fields.reportedBy.map((a) => a.namedOutlet)).toEqual(["Harbour Gazette"]);
    expect(corroborationText(fields)).toBe(
      "Reported by 2 articles: Hill Herald (reprinting Lowland Wire), Harbour Gazette; reprints: Marsh Post (reprinting Lowland Wire)",
    );
  });

  it("a claim only the original and its copies carry is reported by this article only", () => {
    // "Buses took families …": the wire story's second sentence, which no other outlet wrote.
    const buses = passages.find((p) => p.articleId === "wire" && p.text.startsWith("Buses"));
    if (!buses) throw new Error("no passage of the wire story starts with Buses");
    const fields = newsFieldsOf(data, buses, 0);
    expect(fields.reprintedBy?.map((a) => a.namedOutlet)).toEqual(["Hill Herald", "Marsh Post"]);
    expect(fields.reportedBy).toEqual([]);
    expect(corroborationText(fields)).toBe(
      "Reported by this article only; reprints: Hill Herald (reprinting Lowland Wire), Marsh Post (reprinting Lowland Wire)",
    );
  });
});

describe("reprints through answerRequest", () => {
  const index = buildPassageIndex(passages);

  it("the reply names the reprints apart and leaves them out of the count", () => {
    const reply = answerRequest(index, routeRequest("who ordered the evacuation of the valley"), {
      commandName: "/flood",
    });
    const text = renderReplyText(reply);
    expect(text).toContain("Reported by 2 articles");
    expect(text).toContain("reprints: ");
    expect(text).toContain("(reprinting Lowland Wire)");
    expect(text).not.toMatch(/Reported by [34] articles/);
    // biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked field by field
    const json = replyToJson(reply) as any;
    const cited = json.results.find((r: { outlet: string }) => r.outlet === "Harbour Gazette");
    expect(cited.reportedBy.map((r: { outlet: string }) => r.outlet)).toEqual(["Lowland Wire"]);
    expect(cited.reprintedBy).toEqual([
      {
        title: "Valley evacuated as river rises",
        outlet: "Hill Herald",
        url: "https://herald.example/valley",
        reprinting: "Lowland Wire",
      },
      {
        title: "Valley evacuated as river rises",
        outlet: "Marsh Post",
        url: "https://post.example/valley",
        reprinting: "Lowland Wire",
      },
    ]);
  });

  it("the prebuilt index keeps copy_of (an old file, of another format, is rebuilt)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "reprints-index-"));
    try {
      const file = join(dir, "index.ndjson");
      await writeIndexFile(index, "corpus-hash", file);
      const read = await readIndexFile(file, "corpus-hash");
      const copies = read?.index.passages.filter((p) => p.copyOf === "wire") ?? [];
      expect([...new Set(copies.map((p) => p.articleId))]).toEqual(["herald", "post"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("reprints in who said what", () => {
  const SAID =
    "“The river will crest tonight and the valley must be empty by dusk,” Governor Ana Ruiz said.";
  const quoted = newsOf([
    { id: "wire", outlet: "Lowland Wire", paragraphs: [SAID] },
    { id: "herald", outlet: "Hill Herald", copyOf: "wire", paragraphs: [SAID] },
    { id: "post", outlet: "Marsh Post", copyOf: "wire", paragraphs: [SAID] },
  ]);

  it("does not count a statement's reprints as other reports of it", () => {
    const report = whoSaid(quoted, "Ana Ruiz");
    expect(report.found).toBe(true);
    expect(report.quotes).toHaveLength(1);
    expect(report.quotes[0]?.reportedBy).toEqual([]);
  });
});

describe("reprints in Block Kit", () => {
  it("keep the corroboration line within the room it always had, however many reprints", () => {
    const copies: TinyArticle[] = Array.from({ length: 60 }, (_, i) => ({
      id: `copy${i}`,
      outlet: `Reprinting Outlet Number ${i}`,
      url: `https://copy${i}.example/a-rather-long-path/to/the/valley/evacuation/story`,
      copyOf: "wire",
      paragraphs: [WIRE],
    }));
    const many = newsOf([...ARTICLES, ...copies]);
    const gazette = passagesOf(ARTICLES).find((p) => p.articleId === "gazette");
    if (!gazette) throw new Error("no gazette passage");
    const line = renderCorroboration(newsFieldsOf(many, gazette, 0));
    expect(line).toMatch(/^Reported by 2 articles: .*; reprints: .* and \d+ more$/);
    expect(line.length).toBeLessThanOrEqual(750 + 200);
  });
});

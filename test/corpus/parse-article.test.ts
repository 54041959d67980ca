import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/corpus/parse-article.js";
import { corpusFile, GOOD_FIELDS } from "../fixtures/articles.js";

const today = "2026-01-01";
const parse = (text: string) => parseArticle("corpus/a.md", text, { today });
const faults = (text: string) => {
  const result = parse(text);
  return result.ok ? [] : result.problems.map((p) => p.fault);
};

describe("parseArticle", () => {
  it("reads front matter and body", () => {
    const result = parse(corpusFile(GOOD_FIELDS, "One sentence.\n\n## Section\n\nTwo."));
    expect(result).toMatchObject({
      ok: true,
      article: {
        id: "a",
        title: "Putin Granted Asylum",
        outlet: "Example News",
        url: "https://example.com/a",
        published: "2024-12-09",
        language: "en",
        body: [
          { kind: "paragraph", text: "One sentence." },
          { kind: "heading", text: "Section" },
          { kind: "paragraph", text: "Two." },
        ],
      },
    });
  });

  it("takes null as an honest unknown", () => {
    const fields = {
      ...GOOD_FIELDS,
      outlet: "null",
      url: "null",
      published: "null",
      title: "null",
    };
    expect(parse(corpusFile(fields, "Text."))).toMatchObject({
      ok: true,
      article: { outlet: null, url: null, published: null, title: null },
    });
  });

  it("names a missing front matter", () => {
    const result = parse("Just text.");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]).toMatchObject({
        file: "corpus/a.md",
        fault: "front-matter-missing",
      });
    }
  });

  it("names malformed YAML", () => {
    expect(faults("---\ntitle: [unclosed\n---\nText.")).toEqual(["front-matter-malformed"]);
  });

  it("names each missing field", () => {
    const { outlet: _o, url: _u, ...rest } = GOOD_FIELDS;
    const result = parse(corpusFile(rest, "Text."));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.message)).toEqual([
        "front matter has no 'outlet' (use null if unknown)",
        "front matter has no 'url' (use null if unknown)",
      ]);
    }
  });

  it("rejects an unparseable date, an impossible date and a future date", () => {
    expect(faults(corpusFile({ ...GOOD_FIELDS, published: "Monday" }, "Text."))).toEqual([
      "date-invalid",
    ]);
    expect(faults(corpusFile({ ...GOOD_FIELDS, published: "2024-02-30" }, "Text."))).toEqual([
      "date-invalid",
    ]);
    expect(faults(corpusFile({ ...GOOD_FIELDS, published: "2027-01-01" }, "Text."))).toEqual([
      "date-in-future",
    ]);
  });

  it("rejects a url that is not http(s)", () => {
    expect(faults(corpusFile({ ...GOOD_FIELDS, url: "javascript:alert(1)" }, "Text."))).toEqual([
      "field-invalid",
    ]);
  });

  it("rejects an empty body", () => {
    expect(faults(corpusFile(GOOD_FIELDS, "\n\n"))).toEqual(["body-empty"]);
  });

  it("reports several problems of one file together", () => {
    expect(faults(corpusFile({ ...GOOD_FIELDS, published: "soon", url: "ftp://x" }, ""))).toEqual([
      "field-invalid",
      "date-invalid",
      "body-empty",
    ]);
  });

  it("reads copy_of, the file a reprint copies, as the copied article's id", () => {
    const reprint = corpusFile({ ...GOOD_FIELDS, copy_of: "003_0123456789abcdef.md" }, "Text.");
    const result = parse(reprint);
    expect(result.ok && result.article.copyOf).toBe("003_0123456789abcdef");
    const own = parse(corpusFile(GOOD_FIELDS, "Text."));
    expect(own.ok && "copyOf" in own.article).toBe(false);
    expect(faults(corpusFile({ ...GOOD_FIELDS, copy_of: "../secrets.txt" }, "Text."))).toEqual([
      "field-invalid",
    ]);
  });
});

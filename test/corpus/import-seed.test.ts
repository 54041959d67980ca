import { describe, expect, it } from "vitest";
import { formatCorpusFile, importSeed } from "../../src/corpus/import-seed.js";
import { parseArticle } from "../../src/corpus/parse-article.js";

describe("importSeed", () => {
  it("takes a repeated first-line title and a source line as metadata", () => {
    const seed =
      "Russia Confirms Asylum\nRussia Confirms Asylum\nThe Kremlin confirmed it.\n\n  • source : tasnim";
    const { meta, body } = importSeed(seed);
    expect(meta).toEqual({
      title: "Russia Confirms Asylum",
      outlet: "Tasnim",
      url: null,
      published: null,
      language: "en",
    });
    expect(body).toEqual([{ kind: "paragraph", text: "The Kremlin confirmed it." }]);
  });

  it("takes a markdown title, a written date and the original url, and names the outlet by its host", () => {
    const seed =
      "\n# Putin Granted Asylum\n\nDecember 09, 2024\n\nText [said](#) here.\n\nOriginal url:\n\n<https://www.example-times.com/2024/12/09/a>";
    const { meta, body } = importSeed(seed);
    expect(meta).toMatchObject({
      title: "Putin Granted Asylum",
      outlet: "example-times.com",
      url: "https://www.example-times.com/2024/12/09/a",
      published: "2024-12-09",
    });
    expect(body).toEqual([{ kind: "paragraph", text: "Text said here." }]);
  });

  it("leaves what an article does not say unknown, and drops bylines", () => {
    const { meta, body } = importSeed(
      "Moscow has confirmed it, saying more.\nBy Staff, Agencies\nComments\n- Related News",
    );
    expect(meta).toMatchObject({ title: null, outlet: null, url: null, published: null });
    expect(body).toEqual([{ kind: "paragraph", text: "Moscow has confirmed it, saying more." }]);
  });

  it("writes a corpus file the loader reads back", () => {
    const imported = importSeed("A Title\nBody sentence.");
    const parsed = parseArticle("corpus/x.md", formatCorpusFile(imported), { today: "2030-01-01" });
    expect(parsed).toMatchObject({ ok: true, article: { title: "A Title", outlet: null } });
  });
});

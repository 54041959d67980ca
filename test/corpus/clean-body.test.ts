import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanBody, formatBody, stripInlineMarkup } from "../../src/corpus/clean-body.js";

const paragraphs = (raw: string) =>
  cleanBody(raw)
    .filter((b) => b.kind === "paragraph")
    .map((b) => b.text);

describe("cleanBody", () => {
  it("keeps the words of markdown links and drops their targets", () => {
    expect(
      paragraphs("The Kremlin [said](#) Monday that [Putin](https://x.test) decided."),
    ).toEqual(["The Kremlin said Monday that Putin decided."]);
  });

  it("drops lines that are only a link, related-article lines and comment furniture", () => {
    const raw =
      "[kremlin.ru](https://kremlin.ru)\n\nText here.\n\n**Related article:** [Other](#)\n\nComments\n- Related News";
    expect(paragraphs(raw)).toEqual(["Text here."]);
  });

  it("removes stray bullets and emphasis but keeps the text", () => {
    expect(paragraphs("  • A bulleted sentence.\n*AFP contributed reporting.*")).toEqual([
      "A bulleted sentence.",
      "AFP contributed reporting.",
    ]);
  });

  it("drops a line repeated right after itself", () => {
    expect(paragraphs("Same line.\nSame line.\nOther line.")).toEqual([
      "Same line.",
      "Other line.",
    ]);
  });

  it("rejoins a paragraph broken mid-sentence", () => {
    expect(paragraphs("ending almost six\n\ndecades of rule.")).toEqual([
      "ending almost six decades of rule.",
    ]);
  });

  it("keeps a tweet's attribution with the tweet", () => {
    expect(
      paragraphs("Russia does not betray its friends.\n— Mikhail Ulyanov (@Amb_Ulyanov)"),
    ).toEqual(["Russia does not betray its friends. — Mikhail Ulyanov (@Amb_Ulyanov)"]);
  });

  it("turns subheadings into headings, not passages", () => {
    expect(
      cleanBody("First paragraph.\nThe future of Russian relations\nIt is noted that."),
    ).toEqual([
      { kind: "paragraph", text: "First paragraph." },
      { kind: "heading", text: "The future of Russian relations" },
      { kind: "paragraph", text: "It is noted that." },
    ]);
  });

  it("keeps words missing upstream as they are, without guessing", () => {
    expect(paragraphs("granted asylum in , saying that")).toEqual([
      "granted asylum in , saying that",
    ]);
  });

  it("is idempotent on its own output", () => {
    const raw = "# Heading\n\n[said](#) it.\n\n• bullet.\nline\n\nmore text.";
    const once = cleanBody(raw);
    expect(cleanBody(formatBody(once))).toEqual(once);
  });

  it("never loses a word of plain sentences (property)", () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
    const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => `${w.join(" ")}.`);
    fc.assert(
      // Distinct paragraphs: a paragraph repeated word for word is scraping damage, removed on purpose.
      fc.property(fc.uniqueArray(sentence, { minLength: 1, maxLength: 6 }), (sentences) => {
        const words = (text: string) => text.split(/\W+/).filter(Boolean);
        const cleaned = cleanBody(sentences.join("\n\n"))
          .map((b) => b.text)
          .join(" ");
        expect(words(cleaned)).toEqual(words(sentences.join(" ")));
      }),
    );
  });
});

describe("stripInlineMarkup", () => {
  it("leaves underscores in handles alone", () => {
    expect(stripInlineMarkup("(@Amb_Ulyanov)")).toBe("(@Amb_Ulyanov)");
  });
});

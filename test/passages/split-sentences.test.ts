import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitIntoSentences } from "../../src/passages/split-sentences.js";

describe("splitIntoSentences", () => {
  it("splits on sentence ends", () => {
    expect(splitIntoSentences("Putin decided. Peskov said so! Why? Nobody knows.")).toEqual([
      "Putin decided.",
      "Peskov said so!",
      "Why?",
      "Nobody knows.",
    ]);
  });

  it("does not split after abbreviations or initials", () => {
    expect(
      splitIntoSentences("According to Mr. Peskov, clashes began on Nov. 27 in Aleppo. Then more."),
    ).toEqual(["According to Mr. Peskov, clashes began on Nov. 27 in Aleppo.", "Then more."]);
  });

  it("keeps a quotation of several sentences with its attribution", () => {
    expect(
      splitIntoSentences("“Such decisions need him. It was his decision,” Peskov said. Next."),
    ).toEqual(["“Such decisions need him. It was his decision,” Peskov said.", "Next."]);
  });

  it("does not split before a lowercase continuation", () => {
    expect(splitIntoSentences("Breaking! and his family are in Moscow.")).toEqual([
      "Breaking! and his family are in Moscow.",
    ]);
  });

  it("splits after a long word that ends like an abbreviation", () => {
    expect(splitIntoSentences("It was a counterrevolutionary co. Then more.")).toEqual([
      "It was a counterrevolutionary co. Then more.",
    ]);
    expect(splitIntoSentences("They met the electrochemistry dept. Then more.")).toEqual([
      "They met the electrochemistry dept. Then more.",
    ]);
    expect(splitIntoSentences("Overwhelmingly unconstitutionalco. Then more.")).toEqual([
      "Overwhelmingly unconstitutionalco.",
      "Then more.",
    ]);
  });

  it("splits a paragraph of thousands of sentences into every one of them", () => {
    const sentence = "The envoy met Dr. Jones on Monday. ";
    const sentences = splitIntoSentences(sentence.repeat(20_000));
    expect(sentences).toHaveLength(20_000);
    expect(new Set(sentences)).toEqual(new Set(["The envoy met Dr. Jones on Monday."]));
  });

  it("loses and repeats nothing (property)", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "B", " ", ".", "!", "?", "“", "”", '"', "Mr", "\n", "1"),
      maxLength: 80,
    });
    fc.assert(
      fc.property(text, (paragraph) => {
        const sentences = splitIntoSentences(paragraph);
        expect(sentences.join(" ")).toBe(paragraph.replace(/\s+/g, " ").trim());
        for (const sentence of sentences) expect(sentence).not.toBe("");
      }),
      { numRuns: 500 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  escapeMrkdwn,
  mrkdwnLink,
  stripEmphasisMarks,
  truncateOnWord,
} from "../../src/format/mrkdwn.js";
import { graphemesOf, hasLoneSurrogate } from "../support/unicode.js";

describe("escapeMrkdwn", () => {
  it("turns a ping, a mention and a link into plain text", () => {
    expect(escapeMrkdwn("<!channel> & <@U1> <http://x|y>")).toBe(
      "&lt;!channel&gt; &amp; &lt;@U1&gt; &lt;http://x|y&gt;",
    );
  });

  it("leaves no bare <, > or & for any text (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("<", ">", "&", "a", ";", "#", "!") }),
        (text) => {
          const escaped = escapeMrkdwn(text);
          expect(escaped).not.toMatch(/[<>]/);
          expect(escaped.replace(/&(amp|lt|gt);/g, "")).not.toContain("&");
        },
      ),
    );
  });
});

describe("mrkdwnLink", () => {
  it("is one link whatever the url and label hold (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (url, label) => {
        const link = mrkdwnLink(url, label);
        expect(link.startsWith("<")).toBe(true);
        expect(link.endsWith(">")).toBe(true);
        const inner = link.slice(1, -1);
        expect(inner).not.toMatch(/[<>]/);
        expect(inner.split("|").length).toBe(2);
      }),
    );
  });
});

describe("stripEmphasisMarks", () => {
  it("removes the characters that would restyle a quote", () => {
    expect(stripEmphasisMarks("*bold* _it_ ~del~ `code`")).toBe("bold it del code");
  });
});

describe("truncateOnWord", () => {
  it("never leaves half an escape sequence", () => {
    expect(truncateOnWord("fish &amp; chips and more words", 9)).toBe("fish…");
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("&", "a", " ", "<") }),
        fc.integer({ min: 2, max: 40 }),
        (text, max) => {
          const cut = truncateOnWord(escapeMrkdwn(text), max);
          expect(cut.replace(/&(amp|lt|gt);/g, "")).not.toContain("&");
        },
      ),
    );
  });

  it("never cuts an emoji, a flag or a surrogate pair in half", () => {
    // Each cut point falls inside the emoji: between its surrogates, inside the ZWJ sequence,
    // between the two regional indicators of a flag.
    expect(truncateOnWord("why 😀😀😀😀", 7)).toBe("why 😀…");
    expect(truncateOnWord("🇸🇾🇸🇾🇸🇾", 7)).toBe("🇸🇾…");
    expect(truncateOnWord("a 👩‍👩‍👧👩‍👩‍👧", 12)).toBe("a 👩‍👩‍👧…");
    expect(truncateOnWord("ok 👍🏽👍🏽👍🏽", 9)).toBe("ok 👍🏽…");
  });

  it("keeps every grapheme whole and leaves no lone surrogate (property)", () => {
    const unit = fc.constantFrom(
      "😀",
      "👍🏽",
      "👩‍👩‍👧",
      "🏳️‍🌈",
      "🇸🇾",
      "🇷🇺",
      "é",
      "𝔸",
      "a",
      " ",
      "&",
    );
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 120 }),
        fc.integer({ min: 2, max: 200 }),
        (text, max) => {
          const cut = truncateOnWord(text, max);
          expect(cut.length).toBeLessThanOrEqual(Math.max(max, text.length));
          expect(hasLoneSurrogate(cut)).toBe(false);
          const kept = graphemesOf(cut.endsWith("…") && cut !== text ? cut.slice(0, -1) : cut);
          const whole = graphemesOf(text);
          expect(kept).toEqual(whole.slice(0, kept.length));
        },
      ),
    );
  });
});

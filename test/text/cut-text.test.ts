import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutAtGrapheme } from "../../src/text/cut-text.js";
import { graphemesOf, hasLoneSurrogate } from "../support/unicode.js";

/** Characters that take two UTF-16 units or join with their neighbours into one grapheme. */
const TRICKY = [
  "😀", // a surrogate pair
  "👍🏽", // emoji and skin tone
  "👩‍👩‍👧", // ZWJ family
  "🏳️‍🌈", // flag with variation selector and ZWJ
  "🇸🇾", // regional-indicator flag
  "🇷🇺",
  "é", // e and a combining accent
  "ñ",
  "𝔸", // a letter outside the BMP
  "a",
  " ",
];

describe("cutAtGrapheme", () => {
  it("leaves text that fits as it is", () => {
    expect(cutAtGrapheme("asylum", 6)).toBe("asylum");
    expect(cutAtGrapheme("", 0)).toBe("");
  });

  it("never cuts a surrogate pair in half", () => {
    // "a😀": the cut at 2 falls between the emoji's two halves.
    expect(cutAtGrapheme("a😀b", 2)).toBe("a");
    expect(cutAtGrapheme("a😀b", 3)).toBe("a😀");
  });

  it("keeps a ZWJ sequence, a skin tone, a flag and an accent whole", () => {
    expect(cutAtGrapheme("hi 👩‍👩‍👧 there", 6)).toBe("hi ");
    expect(cutAtGrapheme("ok 👍🏽", 5)).toBe("ok ");
    expect(cutAtGrapheme("🇸🇾🇷🇺", 3)).toBe("");
    expect(cutAtGrapheme("🇸🇾🇷🇺", 6)).toBe("🇸🇾");
    expect(cutAtGrapheme("cafe\u0301!", 4)).toBe("caf");
  });

  it("pairs flags from the start of their run, wherever the cut falls", () => {
    // Six regional indicators are three flags: a cut must fall between flags, never inside one.
    const flags = "🇸🇾🇷🇺🇺🇦";
    for (let max = 0; max <= flags.length; max++) {
      expect(cutAtGrapheme(`x${flags}`, max + 1).length % 4).toBe(1);
    }
  });

  it("is a start of the text, made of whole graphemes, within the limit (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }).map((parts) => parts.join("")),
        fc.integer({ min: 0, max: 120 }),
        (text, max) => {
          const cut = cutAtGrapheme(text, max);
          expect(cut.length).toBeLessThanOrEqual(Math.max(max, 0));
          expect(text.startsWith(cut)).toBe(true);
          expect(hasLoneSurrogate(cut)).toBe(false);
          const whole = graphemesOf(text);
          const kept = graphemesOf(cut);
          expect(kept).toEqual(whole.slice(0, kept.length));
          // As long as the limit allows: the next grapheme would not have fitted.
          const next = whole[kept.length];
          if (next !== undefined) expect(cut.length + next.length).toBeGreaterThan(max);
        },
      ),
    );
  });
});

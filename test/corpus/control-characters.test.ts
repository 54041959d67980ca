import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  hasControlCharacters,
  oneLineText,
  safeJson,
  withoutControlCharacters,
} from "../../src/corpus/control-characters.js";

const ANY_CONTROL = /[\p{Cc}\u2028\u2029]/u;
const LONG = { maxLength: 40_000 };

describe("oneLineText", () => {
  it("drops escape sequences' control bytes and turns line breaks into spaces", () => {
    expect(oneLineText("a\u001b[2J\u001b]0;t\u0007b\u0000c\u009b1m")).toBe("a[2J]0;tbc1m");
    expect(oneLineText("one\ntwo\r\nthree\u2028four\u0085five\tsix")).toBe(
      "one two  three four five six",
    );
  });

  it("leaves no control character in any text, and changes nothing else", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", ...LONG }), (text) => {
        const cleaned = oneLineText(text);
        expect(ANY_CONTROL.test(cleaned)).toBe(false);
        expect(hasControlCharacters(text)).toBe(cleaned !== text);
        expect(cleaned.replace(/ /g, "")).toBe(
          [...text].filter((c) => !ANY_CONTROL.test(c) && c !== " ").join(""),
        );
      }),
      { numRuns: 20 },
    );
  });
});

describe("withoutControlCharacters", () => {
  it("keeps line breaks as \\n and drops the rest", () => {
    expect(withoutControlCharacters("a\r\nb\rc\u0000d\u2028e\n")).toBe("a\nb\ncd e\n");
  });
});

describe("safeJson", () => {
  it("reads back the same value, and writes no raw line separator or C1 control", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", ...LONG }), (text) => {
        const json = safeJson({ text });
        expect(JSON.parse(json)).toEqual({ text });
        expect(ANY_CONTROL.test(json)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});

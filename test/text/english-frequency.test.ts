import { describe, expect, it } from "vitest";
import { absentWordWeight, englishZipf, isName } from "../../src/text/english-frequency.js";

describe("general-English word frequency", () => {
  it("ranks everyday words above rare ones, and knows nothing of made-up words", () => {
    expect(englishZipf("the")).toBeGreaterThan(englishZipf("anyone"));
    expect(englishZipf("anyone")).toBeGreaterThan(englishZipf("asylum"));
    expect(englishZipf("qzxvbn")).toBe(0);
  });

  it("tells names apart from words", () => {
    expect(isName("london")).toBe(true);
    expect(isName("China")).toBe(true);
    expect(isName("manager")).toBe(false);
  });

  it("weighs an absent everyday word far below an absent rare word or name", () => {
    expect(absentWordWeight("anyone")).toBeLessThan(0.6);
    expect(absentWordWeight("exactly")).toBeLessThan(0.6);
    expect(absentWordWeight("qzxvbn")).toBe(1);
    expect(absentWordWeight("trump")).toBe(1);
  });
});

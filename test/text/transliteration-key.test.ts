import { describe, expect, it } from "vitest";
import { transliterationKey } from "../../src/text/transliteration-key.js";

describe("transliterationKey", () => {
  it("folds the letters transliteration renders two ways", () => {
    expect(transliterationKey("kharkiv")).toBe(transliterationKey("harkiv"));
    expect(transliterationKey("smolensk")).toBe("smolensk");
    expect(transliterationKey("tbilisi")).toBe(transliterationKey("tbilissi"));
    expect(transliterationKey("dostoyevski")).toBe(transliterationKey("dostoievskii"));
    expect(transliterationKey("rachmaninoff")).toBe(transliterationKey("rachmaninow"));
  });

  it("keeps doubled vowels and short stems, where a changed letter makes another word", () => {
    expect(transliterationKey("meet")).not.toBe(transliterationKey("met"));
    expect(transliterationKey("off")).toBe("off");
  });
});

import { describe, expect, it } from "vitest";
import { typeEvidence } from "../../src/answer/type-evidence.js";
import { processTerm } from "../../src/text/terms.js";

const terms = (...words: string[]) => new Set(words.map((w) => processTerm(w) as string));

describe("typeEvidence", () => {
  it("finds an agent for 'who did X', active or with 'by', not a passive subject", () => {
    const matched = terms("granted", "asylum");
    expect(
      typeEvidence("President Putin personally granted asylum to Assad.", {
        type: "person",
        matchedTerms: matched,
      }),
    ).toBe(1);
    expect(
      typeEvidence("The decision to grant asylum was made by President Vladimir Putin.", {
        type: "person",
        matchedTerms: matched,
      }),
    ).toBe(1);
    expect(
      typeEvidence("Bashar Assad has been granted asylum, Mikhail Ulyanov said.", {
        type: "person",
        matchedTerms: matched,
      }),
    ).toBe(0.5);
    expect(typeEvidence("asylum was granted.", { type: "person", matchedTerms: matched })).toBe(0);
  });

  it("finds dates, numbers, reasons, places and descriptions", () => {
    const none = new Set<string>();
    expect(
      typeEvidence("They entered Damascus on December 8.", { type: "time", matchedTerms: none }),
    ).toBe(1);
    expect(
      typeEvidence("It ended his 24-year rule.", { type: "quantity", matchedTerms: none }),
    ).toBe(1);
    expect(
      typeEvidence("It was granted on humanitarian grounds.", {
        type: "reason",
        matchedTerms: none,
      }),
    ).toBe(1);
    expect(
      typeEvidence("They captured Aleppo, Hama and Homs.", { type: "place", matchedTerms: none }),
    ).toBe(1);
    expect(
      typeEvidence("He declined to discuss his whereabouts.", {
        type: "place",
        matchedTerms: none,
      }),
    ).toBe(1);
    expect(typeEvidence("Nothing more was said.", { type: "time", matchedTerms: none })).toBe(0);
    expect(
      typeEvidence("Mikhail Ulyanov, Russia's envoy in Vienna, confirmed it.", {
        type: "definition",
        matchedTerms: terms("Ulyanov"),
      }),
    ).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { PassageFeatureCache } from "../../src/answer/passage-features.js";
import { cohesionOf } from "../../src/answer/sentence-cohesion.js";
import type { Passage } from "../../src/passages/passage.js";

function passage(sentences: string[]): Passage {
  return {
    id: sentences[0] ?? "",
    articleId: "a",
    position: 0,
    section: null,
    text: sentences.join(" "),
    sentences,
    outlet: null,
    title: null,
    url: null,
    published: null,
  };
}

const features = (sentences: string[]) => new PassageFeatureCache().get(passage(sentences));

describe("cohesionOf", () => {
  it("is the words the other sentences share with the answer sentence, on average", () => {
    const f = features([
      "The floodgates were opened on Sunday.",
      "Engineers closed the floodgates again on Monday.",
      "Tickets for the fair go on sale in May.",
    ]);
    expect(cohesionOf(f, 0)).toBeCloseTo(0.5);
    expect(cohesionOf(f, 2)).toBe(0);
  });

  it("weighs each shared word as told, so a telling word counts more than an everyday one", () => {
    const f = features(["The floodgates were opened on Sunday.", "On Sunday the floodgates shut."]);
    expect(cohesionOf(f, 0)).toBe(2);
    expect(cohesionOf(f, 0, (term) => (term.startsWith("flood") ? 3 : 0.5))).toBeCloseTo(3.5);
  });

  it("does not count stop words as shared", () => {
    expect(cohesionOf(features(["The gates were opened.", "The fair was in May."]), 0)).toBe(0);
  });

  it("is 0 for a passage of one sentence, which has no context to judge", () => {
    expect(cohesionOf(features(["The floodgates were opened."]), 0)).toBe(0);
  });
});

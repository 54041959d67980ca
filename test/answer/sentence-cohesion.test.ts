import { describe, expect, it } from "vitest";
import { PassageFeatureCache } from "../../src/answer/passage-features.js";
import { cohesionAcross, cohesionOf } from "../../src/answer/sentence-cohesion.js";
import type { Passage } from "../../src/passages/passage.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { TextTermCounts } from "../../src/search/term-counts.js";

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

describe("cohesionAcross", () => {
  const said = "The floodgates were opened on Sunday.";
  const passages = [
    passage([
      said,
      "Engineers closed the floodgates again on Monday.",
      "Tickets go on sale in May.",
    ]),
    passage(["Tickets for the fair go on sale in May.", said]),
    passage([said]),
    passage(["Crews cleared the mud on Sunday.", said, "The floodgates held."]),
  ];
  const index = buildPassageIndex(passages);
  const counts = new TextTermCounts(index.miniSearch, passages.length);
  const cache = new PassageFeatureCache();
  const answer = cache.get(passages[0] as Passage).sentences[0];
  const weight = (term: string) => (term.startsWith("flood") ? 3 : 0.5);

  it("is cohesionOf, read from the passages' term counts, in every passage holding the sentence", () => {
    if (!answer) throw new Error("no sentence");
    const across = cohesionAcross(answer, counts, weight);
    passages.forEach((p, id) => {
      const at = p.sentences.indexOf(said);
      expect(across(id, p.sentences.length)).toBeCloseTo(cohesionOf(cache.get(p), at, weight));
    });
  });

  it("is exact above a floor, and at most the floor when it cannot pass it", () => {
    if (!answer) throw new Error("no sentence");
    const across = cohesionAcross(answer, counts, weight);
    passages.forEach((p, id) => {
      const exact = across(id, p.sentences.length);
      for (const floor of [exact - 1, exact - 0.01, exact, exact + 0.01, exact + 5]) {
        const found = across(id, p.sentences.length, floor);
        if (exact > floor) expect(found).toBeCloseTo(exact);
        else expect(found).toBeLessThanOrEqual(floor);
      }
    });
  });

  it("counts a word at most once an other sentence, however often the passage repeats it", () => {
    const repeats = passage([said, "Floodgates, floodgates and more floodgates."]);
    const small = buildPassageIndex([repeats]);
    const smallCounts = new TextTermCounts(small.miniSearch, 1);
    if (!answer) throw new Error("no sentence");
    expect(cohesionAcross(answer, smallCounts)(0, 2)).toBe(1);
  });
});

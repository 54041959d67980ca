import { describe, expect, it } from "vitest";
import {
  answerQuestion,
  chooseAnswerSentence,
  rankPassages,
} from "../../src/answer/answer-question.js";
import { informationScorer } from "../../src/answer/evidence-scores.js";
import type { Passage } from "../../src/passages/passage.js";
import { splitIntoPassages } from "../../src/passages/split-passages.js";
import { stripSlackMarkup } from "../../src/query/slack-markup.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { findCandidates } from "../../src/search/search-passages.js";
import { processTerm, queryTermsOf as termsOf } from "../../src/text/terms.js";
import { makeArticle } from "../fixtures/articles.js";

const index = buildPassageIndex([
  ...splitIntoPassages(
    makeArticle({
      id: "a",
      body: [
        {
          kind: "paragraph",
          text: "Former president Assad has been granted asylum in Russia, the reports said. More followed.",
        },
        {
          kind: "paragraph",
          text: "President Vladimir Putin personally granted asylum to Assad, the Kremlin said Monday.",
        },
        {
          kind: "paragraph",
          text: "Russia granted them asylum on humanitarian grounds, a source told TASS.",
        },
        {
          kind: "paragraph",
          text: "The future of the Khmeimim airbase and the Tartous naval facility is open.",
        },
        {
          kind: "paragraph",
          text: "On December 8, rebels entered Damascus and the army withdrew.",
        },
      ],
    }),
  ),
  ...splitIntoPassages(
    makeArticle({
      id: "b",
      outlet: null,
      url: null,
      body: [
        {
          kind: "paragraph",
          text: "Russia granted them asylum on humanitarian grounds, a source told TASS news.",
        },
      ],
    }),
  ),
]);
const first = (q: string) => answerQuestion(index, q).items[0]?.passage.text ?? "";

describe("answerQuestion", () => {
  it("puts the passage with the expected kind of answer first", () => {
    const texts = answerQuestion(index, "who granted asylum").items.map((i) => i.passage.text);
    const agent = texts.findIndex((t) => t.startsWith("President Vladimir Putin"));
    const passive = texts.findIndex((t) => t.startsWith("Former president Assad"));
    expect(agent).toBeGreaterThanOrEqual(0);
    expect(passive === -1 || agent < passive).toBe(true);
    expect(first("why was asylum granted")).toMatch(/humanitarian/);
    expect(first("when did rebels enter damascus")).toMatch(/December 8/);
  });

  it("merges a fact two outlets carry into one result, also reported by the other", () => {
    const items = answerQuestion(index, "humanitarian grounds").items;
    expect(items).toHaveLength(1);
    expect(items[0]?.passage.articleId).toBe("a");
    expect(items[0]?.alsoReportedBy).toHaveLength(1);
  });

  it("finds the same passages for misspelled names and words", () => {
    const ids = (q: string) => answerQuestion(index, q).items.map((i) => i.passage.id);
    expect(ids("grantd asylum")).toEqual(ids("granted asylum"));
    expect(ids("asad asylum")).toEqual(ids("assad asylum"));
    expect(ids("Hmeimim")).toEqual(ids("Khmeimim"));
    expect(ids("humanitarain grounds")).toEqual(ids("humanitarian grounds"));
  });

  it("returns nothing below the confidence threshold", () => {
    expect(answerQuestion(index, "how do I bake banana bread").items).toEqual([]);
    expect(answerQuestion(index, "asylum pizza delivery menu").items).toEqual([]);
    const lenient = {
      minCoverage: 0.01,
      thresholds: { tentativeTopical: 0, tentativeCoverage: 0.01 },
    };
    expect(answerQuestion(index, "asylum kettle", lenient).items.length).toBeGreaterThan(0);
  });

  it("says which kind of reply it is: confident, tentative or none", () => {
    const full = answerQuestion(index, "did putin personally grant asylum to assad");
    expect(full.confidence).toBe("confident");
    // The rare words match, but much of the question does not: the closest passage is shown,
    // marked as uncertain.
    const half = answerQuestion(index, "Khmeimim airbase staffing levels salaries and rotations");
    expect(half.confidence).toBe("tentative");
    expect(half.items[0]?.passage.text).toMatch(/Khmeimim/);
    const none = answerQuestion(index, "how do I bake banana bread");
    expect(none).toMatchObject({
      question: "how do I bake banana bread",
      confidence: "none",
      items: [],
    });
  });

  it("says none to a request that is plainly not news, whatever place it names", () => {
    // "Damascus" and "Russia" are in the articles; "weather" and "flight" are not.
    expect(answerQuestion(index, "weather in damascus").confidence).toBe("none");
    expect(answerQuestion(index, "book a flight to russia").confidence).toBe("none");
    expect(answerQuestion(index, "what time is it in damascus").confidence).toBe("none");
  });

  it("reads a question typed in chat, once the router has read its markup, as it reads the plain question", () => {
    const ids = (q: string) => answerQuestion(index, q).items.map((i) => i.passage.id);
    expect(
      ids(stripSlackMarkup("<@U01ABC> hey bot, quick one: who granted asylum?? :pray:")),
    ).toEqual(ids("who granted asylum"));
    expect(answerQuestion(index, "<@U01ABC> who granted asylum??").question).toBe(
      "<@U01ABC> who granted asylum??",
    );
    // "air base" is one word in the articles; "dec 8th" is December 8.
    expect(first("what about the Khmeimim air base")).toMatch(/airbase/);
    expect(first("what happened on dec 8th")).toMatch(/December 8/);
  });

  it("does not let everyday words the articles lack sink a question", () => {
    const ids = (q: string) => answerQuestion(index, q).items.map((i) => i.passage.id);
    expect(ids("who exactly granted asylum rn, anyone?")).toEqual(ids("who granted asylum"));
    expect(first("my manager wants to know why asylum was granted")).toMatch(/humanitarian/);
  });
});

describe("chooseAnswerSentence", () => {
  it("picks the sentence with the matched words and the expected kind of answer", () => {
    const passage = index.passages[0];
    if (!passage) throw new Error("fixture has no passage");
    expect(chooseAnswerSentence(index, passage, termsOf("grant asylum"), "person")).toEqual({
      sentence: 0,
      evidence: 0.5,
    });
    expect(chooseAnswerSentence(index, passage, termsOf("follow"), null).sentence).toBe(1);
  });
});

/** A passage of its own article, as the corpus loader would make it. */
function floodPassage(id: string, sentences: string[], outlet = `Outlet ${id}`): Passage {
  return {
    id: `${id}#0`,
    articleId: id,
    position: 0,
    section: null,
    text: sentences.join(" "),
    sentences,
    outlet,
    title: null,
    url: `https://example.org/${id}`,
    published: "2031-04-02",
  };
}

/** A sentence about nothing in particular whose words no other filler shares. */
const filler = (i: number) =>
  `Item${i}a went item${i}b past item${i}c and item${i}d over item${i}e.`;
/** Other news, so that the flood's words are rare enough to answer with. */
const otherNews = Array.from({ length: 200 }, (_, i) =>
  floodPassage(`other${i}`, [filler(100 + i)]),
);

describe("answerQuestion on a larger corpus", () => {
  it("passes over copies of one sentence pasted into other company, to find the passage that answers", () => {
    const copies = Array.from({ length: 25 }, (_, i) =>
      floodPassage(`copy${i}`, ["The Marlow floodgates were opened.", filler(i)]),
    );
    const report = floodPassage("report", [
      "Mayor Ada Finch opened the Marlow floodgates at dawn on Sunday, after the river rose above the old stone bridge, the council said in a statement.",
    ]);
    const index = buildPassageIndex([...copies, report, ...otherNews]);
    const texts = answerQuestion(index, "who opened the marlow floodgates").items.map(
      (item) => item.passage.articleId,
    );
    expect(texts).toContain("report");
  });

  it("still merges a whole passage two outlets carry, among the pasted copies", () => {
    const copies = Array.from({ length: 5 }, (_, i) =>
      floodPassage(`copy${i}`, ["The Marlow floodgates were opened.", filler(i)]),
    );
    const sentences = [
      "Mayor Ada Finch opened the Marlow floodgates at dawn on Sunday, the council said.",
    ];
    const index = buildPassageIndex([
      ...copies,
      floodPassage("report", sentences, "Marlow Courier"),
      floodPassage("wire", sentences, "County Wire"),
      ...otherNews,
    ]);
    const items = answerQuestion(index, "who opened the marlow floodgates").items;
    const report = items.find((item) => item.passage.text === sentences[0]);
    expect(report?.alsoReportedBy.map((source) => source.outlet)).toHaveLength(1);
  });

  it("quotes, of the passages holding one sentence, the one whose context hangs together", () => {
    const said = "The Marlow floodgates were opened on Sunday.";
    const pasted = Array.from({ length: 8 }, (_, i) => floodPassage(`copy${i}`, [said, filler(i)]));
    const report = floodPassage("report", [
      said,
      "Crews from three neighbouring towns worked through Sunday night to clear the fallen trees and the mud left in the streets.",
    ]);
    const index = buildPassageIndex([...pasted, report, ...otherNews]);
    const [first] = answerQuestion(index, "were the marlow floodgates opened").items;
    expect(first?.passage.articleId).toBe("report");
  });

  it("quotes the passage a sentence came from when a hundred and fifty copies of it rank above", () => {
    const said = "The Marlow floodgates were opened on Sunday.";
    const pasted = Array.from({ length: 150 }, (_, i) =>
      floodPassage(`copy${i}`, [said, filler(i)]),
    );
    // Longer than any copy, so every copy outranks it lexically (BM25 favours short passages).
    const report = floodPassage("report", [
      said,
      "By Sunday evening the water stood a metre deep behind the gates, and the crews stayed on the embankment through the night.",
    ]);
    const index = buildPassageIndex([...pasted, report, ...otherNews]);
    const question = "were the marlow floodgates opened";
    const { hits } = findCandidates(index, question);
    expect(hits.findIndex((hit) => hit.id === 150)).toBeGreaterThan(100);
    const [first] = answerQuestion(index, question).items;
    expect(first?.passage.articleId).toBe("report");
  });

  it("gives whole copies of one passage no places of their own, so other sentences still rank", () => {
    const said = ["The Marlow floodgates were opened on Sunday."];
    const whole = Array.from({ length: 30 }, (_, i) => floodPassage(`whole${i}`, said));
    const answer = floodPassage("answer", [
      "Mayor Ada Finch ordered the floodgates shut again on Monday as the Marlow river fell.",
    ]);
    const index = buildPassageIndex([...whole, answer, ...otherNews]);
    const ids = rankPassages(index, "marlow floodgates opened sunday").candidates.map(
      (candidate) => candidate.passage.articleId,
    );
    expect(ids).toContain("answer");
  });
});

describe("informationScorer", () => {
  const flood = [
    floodPassage("a", ["The Marlow levee broke on Tuesday night."]),
    floodPassage("b", ["Engineers had warned about the levee for years."]),
    floodPassage("c", ["Schools in the county stay closed."]),
  ];
  const matched = (term: string) => ({ queryTerms: [term], terms: [term] });
  const levee = processTerm("levee") as string;

  it("counts a word in under one passage in a hundred as one rare word, however large the corpus", () => {
    const large = buildPassageIndex([...flood, ...otherNews]);
    expect(informationScorer(large, [levee])(matched(levee))).toBeCloseTo(1);
  });

  it("counts a word in one passage as one rare word on a small corpus, and a common one less", () => {
    const small = buildPassageIndex(flood);
    const marlow = processTerm("marlow") as string;
    expect(informationScorer(small, [marlow])(matched(marlow))).toBeCloseTo(1);
    expect(informationScorer(small, [levee])(matched(levee))).toBeLessThan(1);
  });
});

import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { splitIntoPassages } from "../../src/passages/split-passages.js";
import { expandQuestionWords } from "../../src/query/expand-question.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { queryWordsOf } from "../../src/text/terms.js";
import { makeArticle } from "../fixtures/articles.js";

// A small corpus about another event: a rebellion in a made-up province.
const index = buildPassageIndex(
  splitIntoPassages(
    makeArticle({
      id: "revolt",
      body: [
        { kind: "paragraph", text: "Rebels seized the port of Varno after a week of fighting." },
        { kind: "paragraph", text: "The governor said the harbour would reopen on Friday." },
      ],
    }),
  ),
);

describe("synonym expansion", () => {
  it("reaches corpus words through WordNet synonyms of words the corpus lacks", () => {
    const expansions = expandQuestionWords(index, queryWordsOf("insurgents took varno"));
    expect([...expansions.values()].flat()).toContain("rebel");
  });

  it("helps a passage that also matches the question's own words", () => {
    const [first] = answerQuestion(index, "did the insurgents take the port of varno").items;
    expect(first?.passage.text).toMatch(/Rebels seized the port of Varno/);
  });

  it("never answers an off-topic question through a synonym alone", () => {
    // "insurgent" is a synonym of "rebel", a corpus word; nothing else matches.
    const answer = answerQuestion(index, "best insurgent movies on netflix");
    expect(answer.confidence).toBe("none");
    expect(answer.items).toEqual([]);
  });
});

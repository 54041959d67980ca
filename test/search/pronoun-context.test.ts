import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { splitIntoPassages } from "../../src/passages/split-passages.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { pronounContexts } from "../../src/search/pronoun-context.js";
import { makeArticle } from "../fixtures/articles.js";

const passages = splitIntoPassages(
  makeArticle({
    id: "port",
    body: [
      { kind: "paragraph", text: "Harbour master Ines Okafor closed the port on Tuesday." },
      { kind: "paragraph", text: "She said ships would be turned back until the storm passed." },
      { kind: "paragraph", text: "Fishing boats stayed in the bay." },
    ],
  }),
);

describe("pronounContexts", () => {
  it("gives a passage that opens with a pronoun the names of the passage before it", () => {
    const contexts = pronounContexts(passages);
    expect(contexts[1]).toContain("Okafor");
    expect(contexts[0]).toBe("");
    expect(contexts[2]).toBe("");
  });

  it("lets a question naming the subject reach the passage, without changing its text", () => {
    const index = buildPassageIndex(passages);
    const [first] = answerQuestion(index, "did okafor say ships would be turned back").items;
    expect(first?.passage.text).toBe("She said ships would be turned back until the storm passed.");
  });
});

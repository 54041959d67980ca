import { describe, expect, it } from "vitest";
import {
  hasAnaphoraCue,
  namesIn,
  questionInContext,
  standsAlone,
  subjectOf,
} from "../../src/query/follow-up-question.js";

describe("questionInContext", () => {
  it("searches a pronoun follow-up with the names of the question before it", () => {
    expect(questionInContext("and where is he now?", ["who granted Ortega asylum?"])).toBe(
      "and where is he now? Ortega",
    );
    expect(
      questionInContext("where are they now?", ["Who rescued the boys from the Tham Luang cave?"]),
    ).toBe("where are they now? Tham Luang");
    expect(questionInContext("and who was the captain?", ["Who won the 2022 World Cup?"])).toBe(
      "and who was the captain? World Cup",
    );
  });

  it("reads 'what about …', 'also' and very short follow-ups in context", () => {
    expect(questionInContext("what about the money?", ["how much did Musk pay for Twitter?"])).toBe(
      "what about the money? Musk Twitter",
    );
    expect(questionInContext("why?", ["When did Mount Etna erupt?"])).toBe("why? Mount Etna");
    expect(questionInContext("how many died?", ["when did the dam burst in Derna?"])).toBe(
      "how many died? Derna",
    );
    expect(questionInContext("was the airport also closed?", ["Why was Reykjavik flooded?"])).toBe(
      "was the airport also closed? Reykjavik",
    );
  });

  it("uses content words when the earlier question names nothing", () => {
    expect(questionInContext("and when was it?", ["who won the chess olympiad?"])).toBe(
      "and when was it? won chess olympiad",
    );
  });

  it("walks back past earlier follow-ups to the last question with a subject", () => {
    expect(
      questionInContext("and when?", ["Who granted Ortega asylum?", "and where is he now?"]),
    ).toBe("and when? Ortega");
  });

  it("searches alone a follow-up that names its own subject or has enough content words", () => {
    expect(questionInContext("What did the Kremlin say?", ["who granted Ortega asylum?"])).toBe(
      "What did the Kremlin say?",
    );
    expect(questionInContext("and what did Lula say?", ["who granted Ortega asylum?"])).toBe(
      "and what did Lula say?",
    );
    expect(
      questionInContext("why was the asylum granted to the family?", ["who fled to Managua?"]),
    ).toBe("why was the asylum granted to the family?");
  });

  it("leaves a question alone when there is nothing earlier, and adds nothing already asked", () => {
    expect(questionInContext("  where is he now? ", [])).toBe("where is he now?");
    expect(questionInContext("is Ortega there?", ["who granted Ortega asylum?"])).toBe(
      "is Ortega there?",
    );
  });

  it("takes a name lexicon for questions typed in lower case", () => {
    const isKnownName = (w: string) => w === "ortega";
    expect(
      questionInContext("and where is he now?", ["who granted ortega asylum?"], { isKnownName }),
    ).toBe("and where is he now? ortega");
    expect(questionInContext("and where is he now?", ["who granted ortega asylum?"])).toBe(
      "and where is he now? granted ortega asylum",
    );
  });
});

describe("namesIn", () => {
  it("finds runs of capitalised words, with particles inside, and skips capitalised question words", () => {
    expect(namesIn("Where did Bashar al-Assad go after the fall of Damascus?")).toEqual([
      "Bashar al-Assad",
      "Damascus",
    ]);
    expect(namesIn("Did Ludwig van Beethoven go deaf?")).toEqual(["Ludwig van Beethoven"]);
    expect(namesIn("Who said I was wrong? He did.")).toEqual([]);
    expect(namesIn("What did the UN decide?")).toEqual(["UN"]);
  });

  it("does not take a sentence's capitalised first word for a name, unless it is more", () => {
    expect(namesIn("Give me more. Explain it")).toEqual([]);
    expect(namesIn("Vladimir Putin said what?")).toEqual(["Vladimir Putin"]);
    expect(namesIn("NATO said what?")).toEqual(["NATO"]);
    expect(namesIn("Chile? And Peru?")).toEqual(["Peru"]);
    expect(namesIn("Chile?", { isKnownName: (w) => w === "chile" })).toEqual(["Chile"]);
    expect(questionInContext("Explain that please", ["Why did Chile close its border?"])).toBe(
      "Explain that please Chile",
    );
  });
});

describe("subjectOf, hasAnaphoraCue, standsAlone", () => {
  it("prefers names to content words", () => {
    expect(subjectOf("Why did Chile close its border?")).toEqual(["Chile"]);
    expect(subjectOf("why did the border close?")).toEqual(["border", "close"]);
  });

  it("sees pronouns, an opening 'and' and 'what about' as cues", () => {
    expect(hasAnaphoraCue("is she safe")).toBe(true);
    expect(hasAnaphoraCue("And the ceasefire")).toBe(true);
    expect(hasAnaphoraCue("What about the refugees")).toBe(true);
    expect(hasAnaphoraCue("how many refugees crossed the border")).toBe(false);
  });

  it("needs more content words with a cue than without", () => {
    expect(standsAlone("how many refugees crossed the border")).toBe(true);
    expect(standsAlone("how many refugees did they let across")).toBe(false);
    expect(standsAlone("did they let the refugees across the border")).toBe(true);
  });
});

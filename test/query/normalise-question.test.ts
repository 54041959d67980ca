import { describe, expect, it } from "vitest";
import { normaliseDates, normaliseQuestion } from "../../src/query/normalise-question.js";

describe("normaliseQuestion", () => {
  it("reads Slack markup away: mentions, emoji, bold, code, links", () => {
    expect(normaliseQuestion("<@U05KX2P9L> when does the *dam* open? :pray:")).toBe(
      "when does the dam open?",
    );
    expect(normaliseQuestion("is `/flood` the <https://x.org|river page> one")).toBe(
      "is /flood the river page one",
    );
  });

  it("drops greetings, apologies and who is asking", () => {
    expect(normaliseQuestion("hey bot, quick one: who built the dam")).toBe("who built the dam");
    expect(normaliseQuestion("sorry if this was asked already but who built the dam")).toBe(
      "who built the dam",
    );
    expect(normaliseQuestion("my manager wants to know whether the dam held")).toBe("the dam held");
    expect(normaliseQuestion("anyone seen the mayor's statement")).toBe("the mayor's statement");
    expect(normaliseQuestion("need the mayor's quote on the dam")).toBe("mayor's quote on the dam");
  });

  it("keeps a question that is only a lead-in word", () => {
    expect(normaliseQuestion("hey")).toBe("hey");
  });

  it("makes runs of punctuation one mark", () => {
    expect(normaliseQuestion("did the dam break?!?")).toBe("did the dam break?");
    expect(normaliseQuestion("did the dam break ??")).toBe("did the dam break?");
  });

  it("spells out abbreviated months and drops ordinals", () => {
    expect(normaliseDates("what happened dec 7th")).toBe("what happened december 7");
    expect(normaliseDates("since nov. 27")).toBe("since november 27");
    expect(normaliseDates("the 3rd of sept")).toBe("the 3 of september");
  });
});

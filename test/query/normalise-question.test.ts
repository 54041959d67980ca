import { describe, expect, it } from "vitest";
import { normaliseDates, normaliseQuestion } from "../../src/query/normalise-question.js";
import { stripSlackMarkup } from "../../src/query/slack-markup.js";
import { itReadsHostileTextFast } from "../support/hostile-text.js";

describe("normaliseQuestion", () => {
  it("reads what the router leaves of Slack markup, and does not read markup again", () => {
    const read = (text: string) => normaliseQuestion(stripSlackMarkup(text));
    expect(read("<@U05KX2P9L> when does the *dam* open? :pray:")).toBe("when does the dam open?");
    expect(read("is `/flood` the <https://x.org|river page> one")).toBe(
      "is /flood the river page one",
    );
    // Typed as "&lt;b&gt;", sent by Slack as "&amp;lt;b&amp;gt;": decoded once, as typed.
    expect(read("what is &amp;lt;b&amp;gt;")).toBe("what is &lt;b&gt;");
    expect(normaliseQuestion("  when\n\tdid it   end ")).toBe("when did it end");
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

describe("normaliseQuestion on hostile text", () => {
  it("drops thousands of lead-ins, and keeps the last when nothing follows it", () => {
    expect(normaliseQuestion(`${"hi ".repeat(13_000)}who built the dam`)).toBe("who built the dam");
    expect(normaliseQuestion("hey hey hey")).toBe("hey");
    expect(normaliseQuestion(`what ${" ".repeat(40_000)}?`)).toBe("what?");
  });

  itReadsHostileTextFast("reads", normaliseQuestion);
});

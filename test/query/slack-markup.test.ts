import { describe, expect, it } from "vitest";
import { stripEmphasis, stripSlackMarkup } from "../../src/query/slack-markup.js";
import {
  itReadsHostileTextFast,
  millisecondsFor,
  PER_MESSAGE_MS,
} from "../support/hostile-text.js";

describe("stripEmphasis", () => {
  it("reduces bold, italic, strike and runs of them to their words", () => {
    expect(stripEmphasis("when does the *dam* open")).toBe("when does the dam open");
    expect(stripEmphasis("_really_ ~not~ **twice** *_both_*")).toBe("really not twice both");
    expect(stripEmphasis("(*see* this), *and this*.")).toBe("(see this), and this.");
    expect(stripEmphasis("*one*\n_two_")).toBe("one\ntwo");
  });

  it("leaves marks that do not wrap words as typed", () => {
    for (const text of ["snake_case_name", "2*3*4", "*", "***", "* spaced *", "*a\nb*", "a*b* c"]) {
      expect(stripEmphasis(text)).toBe(text);
    }
    expect(stripEmphasis("*unclosed and *closed*")).toBe("*unclosed and closed");
  });

  it("reads 40,000 marks then a letter in one pass, as it does a short run", () => {
    for (const mark of ["*", "_", "~"]) {
      const text = `${mark.repeat(40_000)}x`;
      expect(stripEmphasis(text)).toBe(text);
      expect(millisecondsFor(stripEmphasis, text)).toBeLessThan(PER_MESSAGE_MS);
    }
  });
});

describe("stripSlackMarkup on hostile text", () => {
  itReadsHostileTextFast("reads", stripSlackMarkup);

  it("leaves a run of unclosed mention openings as it is", () => {
    expect(stripSlackMarkup(`${"<@".repeat(20_000)}x`)).toBe(`${"<@".repeat(20_000)}x`);
  });
});

// The question in a message's text, as Slack sends it: mentions, links and entities around the
// words a person typed. Examples are about a flood, not the corpus.
describe("stripSlackMarkup", () => {
  it("drops the bot's mention and other mentions, keeping the words", () => {
    expect(stripSlackMarkup("<@U0BOT> how high did the river rise")).toBe(
      "how high did the river rise",
    );
    expect(stripSlackMarkup("<@U0BOT|floodbot> ask <@U2> and <#C1|general> <!here>")).toBe(
      "ask and",
    );
    expect(stripSlackMarkup("<!subteam^S1|@rescue> who was evacuated")).toBe("who was evacuated");
  });

  it("shows a link as its label, or its address when it has none", () => {
    expect(stripSlackMarkup("see <https://example.org/flood|the report> please")).toBe(
      "see the report please",
    );
    expect(stripSlackMarkup("see <https://example.org/flood>")).toBe(
      "see https://example.org/flood",
    );
  });

  it("decodes Slack's three entities once", () => {
    expect(stripSlackMarkup("dams &amp; levees &lt;2010&gt;")).toBe("dams & levees <2010>");
    expect(stripSlackMarkup("&amp;lt;")).toBe("&lt;");
  });

  it("collapses whitespace, and gives an empty question for no text", () => {
    expect(stripSlackMarkup("  when\n\tdid   it   end  ")).toBe("when did it end");
    expect(stripSlackMarkup(undefined)).toBe("");
    expect(stripSlackMarkup("<@U0BOT>")).toBe("");
  });
});

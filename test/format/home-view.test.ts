import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Block } from "../../src/format/blocks.js";
import {
  describeCorpus,
  HOME_EXAMPLES_TITLE,
  HOME_HOW_TO_ASK_TITLE,
  renderHomeView,
} from "../../src/format/home-view.js";

const stats = {
  articles: 1234,
  outlets: 9,
  passages: 56789,
  firstPublished: "2023-09-10",
  lastPublished: "2023-09-14",
};

function textOf(blocks: Block[]): string {
  return blocks.map((b) => ("text" in b ? b.text.text : "")).join("\n");
}

describe("renderHomeView", () => {
  it("is a home view saying what the bot knows, how to ask, and three examples", () => {
    const view = renderHomeView(
      stats,
      ["When did the dam burst?", "Who led the rescue?", "How many died?", "A fourth?"],
      "/flood",
    );
    expect(view.type).toBe("home");
    const text = textOf(view.blocks);
    expect(text).toContain("1,234 news articles from 9 outlets");
    expect(text).toContain("10 Sep 2023 to 14 Sep 2023");
    expect(text).toContain("56,789 passages");
    expect(text).toContain(HOME_HOW_TO_ASK_TITLE);
    expect(text).toContain("`/flood your question`");
    expect(text).toMatch(/Mention me/);
    expect(text).toMatch(/direct message/);
    expect(text).toContain(HOME_EXAMPLES_TITLE);
    expect(text).toContain("• `/flood Who led the rescue?`");
    expect(text).not.toContain("A fourth?");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it("escapes mrkdwn in example questions, so they ping and link nothing", () => {
    const view = renderHomeView(stats, ["<!channel> & <@U1> `why`?"], "flood");
    const text = textOf(view.blocks);
    expect(text).toContain("&lt;!channel&gt; &amp; &lt;@U1&gt;  why ?");
    expect(text).not.toContain("<!channel>");
    expect(text).toContain("`/flood your question`");
  });

  it("never lets an example question bring in a raw <, > or &", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 3 }), (examples) => {
        const text = textOf(renderHomeView(stats, examples, "/flood").blocks);
        expect(text).not.toMatch(/[<>]/);
        expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }),
    );
  });

  it("leaves out the examples section when there are none", () => {
    const view = renderHomeView(stats, [], "/flood");
    expect(textOf(view.blocks)).not.toContain(HOME_EXAMPLES_TITLE);
  });
});

describe("describeCorpus", () => {
  it("says one date once, and no dates when none is known", () => {
    expect(describeCorpus({ ...stats, articles: 1, outlets: 1, lastPublished: "2023-09-10" })).toBe(
      "I know 1 news article from 1 outlet, published 10 Sep 2023, split into 56,789 passages.",
    );
    expect(describeCorpus({ ...stats, firstPublished: null, lastPublished: null })).toBe(
      "I know 1,234 news articles from 9 outlets, split into 56,789 passages.",
    );
  });
});

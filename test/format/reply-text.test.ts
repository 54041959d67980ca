import { describe, expect, it } from "vitest";
import {
  EXAMPLES_HEADING,
  HELP_INTRO,
  helpIntro,
  renderHelpText,
} from "../../src/format/help-text.js";
import { renderWhoText } from "../../src/format/news-text.js";
import { renderReplyText } from "../../src/format/reply-text.js";
import { helpReply, whoQuote, whoReport } from "../support/answer-fixtures.js";

describe("renderHelpText", () => {
  it("gives the intro with the article count, each request with the command, and examples", () => {
    const text = renderReplyText(helpReply("npm run ask --", "when did the dam break", 2));
    const lines = text.split("\n");
    expect(lines[0]).toBe(helpIntro(2));
    expect(lines).toContain(
      "  npm run ask -- sources: every article: outlet, date, title, link, and whom it cites",
    );
    expect(lines.slice(-2)).toEqual([
      EXAMPLES_HEADING,
      "  • npm run ask -- when did the dam break",
    ]);
  });

  it("falls back to the general intro and bare requests", () => {
    const text = renderHelpText();
    expect(text.startsWith(HELP_INTRO)).toBe(true);
    expect(text).toContain("  who <name>: ");
    expect(text).not.toContain(EXAMPLES_HEADING);
  });
});

describe("renderWhoText", () => {
  it("counts reporting articles, names an unattributed one by its title, and never doubles quotes", () => {
    const reportedBy = [
      { title: "Gates held", outlet: "unattributed, citing Nordpress", url: null },
    ];
    const quote = whoQuote({ via: ["Nordpress"], reportedBy });
    const text = renderWhoText(whoReport({ role: null, quotes: [quote] }));
    expect(text).toContain("1. “The gates held,” Marsh said.\n");
    expect(text).toContain("   Reported by 2 articles: Valley Courier, “Gates held”");
    expect(text).not.toContain("Named without a quote");
  });

  it("gives a person named but never quoted their role, and the passages that name them", () => {
    const mention = whoQuote({ text: "Marsh visited the dam." });
    const text = renderWhoText(whoReport({ mentions: [mention], mentionTotal: 1 }));
    expect(text.split("\n")).toEqual([
      "Lena Marsh, spokeswoman",
      "The articles name them but quote nothing they said.",
      "Named without a quote in 1 passage:",
      "1. “Marsh visited the dam.”",
      "   — Valley Courier · Dam holds",
      "   Reported by this article only",
    ]);
  });
});

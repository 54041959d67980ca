import { describe, expect, it } from "vitest";
import {
  isHelpRequest,
  messageText,
  questionFromSlackText,
} from "../../../src/slack/payloads/message-text.js";

// The question in a message's text, as Slack sends it: mentions, links and entities around the
// words a person typed. Examples are about a flood, not the corpus.

describe("questionFromSlackText", () => {
  it("drops the bot's mention and other mentions, keeping the words", () => {
    expect(questionFromSlackText("<@U0BOT> how high did the river rise")).toBe(
      "how high did the river rise",
    );
    expect(questionFromSlackText("<@U0BOT|floodbot> ask <@U2> and <#C1|general> <!here>")).toBe(
      "ask and",
    );
    expect(questionFromSlackText("<!subteam^S1|@rescue> who was evacuated")).toBe(
      "who was evacuated",
    );
  });

  it("shows a link as its label, or its address when it has none", () => {
    expect(questionFromSlackText("see <https://example.org/flood|the report> please")).toBe(
      "see the report please",
    );
    expect(questionFromSlackText("see <https://example.org/flood>")).toBe(
      "see https://example.org/flood",
    );
  });

  it("decodes Slack's three entities once", () => {
    expect(questionFromSlackText("dams &amp; levees &lt;2010&gt;")).toBe("dams & levees <2010>");
    expect(questionFromSlackText("&amp;lt;")).toBe("&lt;");
  });

  it("collapses whitespace, and gives an empty question for no text", () => {
    expect(questionFromSlackText("  when\n\tdid   it   end  ")).toBe("when did it end");
    expect(questionFromSlackText(undefined)).toBe("");
    expect(questionFromSlackText("<@U0BOT>")).toBe("");
  });
});

describe("isHelpRequest", () => {
  it("is true for nothing asked, help, usage and a lone question mark", () => {
    for (const text of ["", "help", "HELP", "Usage", "?"]) expect(isHelpRequest(text)).toBe(true);
  });

  it("is false for a question, even one that mentions help", () => {
    for (const text of ["who needs help", "help the victims?", "??", "usage of sandbags"]) {
      expect(isHelpRequest(text)).toBe(false);
    }
  });
});

describe("messageText", () => {
  const blocks = [
    {
      type: "rich_text",
      elements: [
        { type: "rich_text_section", elements: [{ type: "text", text: "who was evacuated" }] },
      ],
    },
  ];

  it("is the text when there is one, whatever the blocks say", () => {
    expect(messageText({ text: "how high did the river rise", blocks })).toBe(
      "how high did the river rise",
    );
  });

  it("reads the rich-text blocks when the text is empty, blank or missing", () => {
    for (const text of ["", "  \n ", undefined]) {
      expect(messageText({ text, blocks })).toBe("who was evacuated");
    }
  });

  it("is empty when neither says anything", () => {
    expect(messageText({ text: "" })).toBe("");
    expect(messageText({})).toBe("");
  });
});

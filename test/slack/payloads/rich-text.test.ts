import { describe, expect, it } from "vitest";
import { richTextWords } from "../../../src/slack/payloads/rich-text.js";

// Rich-text blocks as Slack's clients send them (Slack docs reference/block-kit/blocks/rich-text-block),
// about a flood, not the corpus.

const section = (...elements: unknown[]) => ({ type: "rich_text_section", elements });
const richText = (...elements: unknown[]) => [{ type: "rich_text", block_id: "b1", elements }];

describe("richTextWords", () => {
  it("joins a section's words, styled or not, and writes mentions in Slack's markup", () => {
    const blocks = richText(
      section(
        { type: "user", user_id: "U0BOT" },
        { type: "text", text: " how high did the " },
        { type: "text", text: "river", style: { bold: true } },
        { type: "text", text: " rise " },
        { type: "emoji", name: "ocean", unicode: "1f30a" },
        { type: "channel", channel_id: "C1" },
        { type: "broadcast", range: "here" },
      ),
    );
    expect(richTextWords(blocks)).toBe("<@U0BOT> how high did the river rise  <#C1><!here>");
  });

  it("shows a link as its text, or its url, and puts each list item and quote on a line", () => {
    const blocks = richText(
      section({ type: "text", text: "see " }, { type: "link", url: "https://a.example/x" }),
      {
        type: "rich_text_list",
        style: "bullet",
        elements: [
          section({ type: "text", text: "who was evacuated" }),
          section({ type: "link", url: "https://b.example", text: "the report" }),
        ],
      },
      { type: "rich_text_quote", elements: [{ type: "text", text: "the dam held" }] },
    );
    expect(richTextWords(blocks)).toBe(
      "see https://a.example/x\nwho was evacuated\nthe report\nthe dam held",
    );
  });

  it("reads nothing from other blocks or from what is not blocks", () => {
    expect(richTextWords([{ type: "section", text: { type: "mrkdwn", text: "hi" } }])).toBe("");
    expect(richTextWords(richText(section({ type: "emoji", name: "wave" })))).toBe("");
    for (const notBlocks of [undefined, null, "text", {}, [null, 3, "x"]]) {
      expect(richTextWords(notBlocks)).toBe("");
    }
  });
});

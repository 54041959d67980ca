import { describe, expect, it } from "vitest";
import { messageText } from "../../../src/slack/payloads/message-text.js";

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

import { describe, expect, it } from "vitest";
import {
  LOADING_MESSAGES,
  PROMPT_TITLE_MAX,
  SUGGESTED_PROMPTS_MAX,
  suggestedPrompts,
  THINKING_STATUS,
} from "../../src/format/assistant-prompts.js";
import { millisecondsFor, PER_MESSAGE_MS } from "../support/hostile-text.js";

describe("suggestedPrompts", () => {
  it("makes at most four prompts, each the whole question as message and a title", () => {
    const prompts = suggestedPrompts([
      "when did the dam burst",
      "Who led the rescue?",
      "When did the dam burst?",
      "  ",
      "how many people were evacuated from the coast",
      "what did the mayor say",
      "a fifth question",
    ]);
    expect(prompts).toEqual([
      { title: "When did the dam burst?", message: "when did the dam burst" },
      { title: "Who led the rescue?", message: "Who led the rescue?" },
      {
        title: "How many people were evacuated from the coast?",
        message: "how many people were evacuated from the coast",
      },
      { title: "What did the mayor say?", message: "what did the mayor say" },
    ]);
    expect(prompts.length).toBeLessThanOrEqual(SUGGESTED_PROMPTS_MAX);
  });

  it("cuts a long title on a word and keeps the message whole", () => {
    const long = "why did the regional government decide to close every school along the river";
    const [prompt] = suggestedPrompts([long]);
    expect(prompt?.title.length).toBeLessThanOrEqual(PROMPT_TITLE_MAX);
    expect(prompt?.title.endsWith("…")).toBe(true);
    expect(prompt?.message).toBe(long);
  });

  it("gives no prompts for no examples", () => {
    expect(suggestedPrompts([])).toEqual([]);
  });
});

describe("thinking status", () => {
  it("says what the bot does, with a few loading messages", () => {
    expect(THINKING_STATUS).toBe("is reading the articles…");
    expect(LOADING_MESSAGES.length).toBeGreaterThan(0);
    expect(LOADING_MESSAGES.length).toBeLessThanOrEqual(10);
  });
});

describe("suggestedPrompts on a hostile example", () => {
  it("reads an example with a long run of closing marks not at its end in linear time", () => {
    const example = `why${" ?".repeat(20_000)} x`;
    expect(millisecondsFor((text) => suggestedPrompts([text]), example)).toBeLessThan(
      PER_MESSAGE_MS,
    );
    expect(suggestedPrompts(["why?? ", "Why ?"]).map((p) => p.message)).toEqual(["why??"]);
  });
});

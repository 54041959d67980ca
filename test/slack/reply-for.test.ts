import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { FEEDBACK_ACTION_ID } from "../../src/format/feedback-blocks.js";
import { NO_MATCH_TEXT, TOO_LONG_TEXT } from "../../src/format/messages.js";
import type { Passage } from "../../src/passages/passage.js";
import type { RequestAnswerer } from "../../src/requests/request-answerer.js";
import { replyAtOnce, replyFor } from "../../src/slack/reply-for.js";

// A tiny answer about another event: a river flood.
const passage: Passage = {
  id: "flood#1",
  articleId: "flood",
  position: 0,
  section: null,
  text: "The river burst its banks on Tuesday.",
  sentences: ["The river burst its banks on Tuesday."],
  outlet: "River Post",
  title: "Flood",
  url: "https://example.org/flood",
  published: "2025-03-04",
};
const found = (question: string): Answer => ({
  question,
  confidence: "confident",
  items: [
    {
      passage,
      score: 1,
      matchedTerms: ["river"],
      answerSentence: 0,
      alsoReportedBy: [],
    },
  ],
});
const nothing = (question: string): Answer => ({ question, confidence: "none", items: [] });

/** Answers questions with `answer`, and help as help; records what was searched. */
function answerer(answer: (question: string) => Answer, searched: string[] = []): RequestAnswerer {
  return (request, commandName) => {
    if (request.kind === "help") return { kind: "help", commandName, examples: [], articles: 1 };
    if (request.kind === "too-long") return request;
    if (request.kind !== "question") throw new Error(`unexpected ${request.kind}`);
    searched.push(request.question);
    return { kind: "question", answer: answer(request.question), news: [] };
  };
}
const options = { commandName: "/ask" };

const types = (reply: ReturnType<typeof replyAtOnce>) => reply.message.blocks.map((b) => b.type);

describe("replyFor", () => {
  it("ends an answer with the feedback buttons when asked, naming the passages shown", () => {
    const reply = replyAtOnce("<@UBOT> when did the river burst?", answerer(found), {
      ...options,
      feedback: true,
    });
    expect(reply.asked).toBe("when did the river burst?");
    expect(types(reply).at(-1)).toBe("context_actions");
    const block = JSON.stringify(reply.message.blocks.at(-1));
    expect(block).toContain(FEEDBACK_ACTION_ID);
    expect(block).toContain("https://example.org/flood");
  });

  it("adds no feedback buttons unless asked", () => {
    expect(types(replyAtOnce("when did the river burst?", answerer(found), options))).not.toContain(
      "context_actions",
    );
  });

  it("puts them under a no-match reply too, and never under the usage text", () => {
    const none = replyAtOnce("who won the cup?", answerer(nothing), { ...options, feedback: true });
    expect(none.message.text).toBe(NO_MATCH_TEXT);
    expect(types(none).at(-1)).toBe("context_actions");
    const help = replyAtOnce("help", answerer(found), { ...options, feedback: true });
    expect(JSON.stringify(help.message.blocks)).toContain("/ask");
    expect(help.asked).toBeNull();
    expect(types(help)).not.toContain("context_actions");
  });

  it("refuses a message too long to read, unsearched, without feedback buttons", () => {
    const searched: string[] = [];
    const reply = replyAtOnce(`${"*".repeat(40_000)}x`, answerer(found, searched), {
      ...options,
      feedback: true,
    });
    expect(reply.message.text).toBe(TOO_LONG_TEXT);
    expect(reply.asked).toBeNull();
    expect(searched).toEqual([]);
    expect(types(reply)).toEqual(["section"]);
  });

  it("searches the question as read in context, and reports it as asked", () => {
    const searched: string[] = [];
    const reply = replyAtOnce("and when?", answerer(found, searched), {
      ...options,
      searchAs: (q) => `${q} river`,
    });
    expect(searched).toEqual(["and when? river"]);
    expect(reply.asked).toBe("and when?");
  });

  it("waits for an answerer on another thread, and replies the same as one on this thread", async () => {
    const here = answerer(found);
    const elsewhere = async (...args: Parameters<RequestAnswerer>) => here(...args);
    const later = await replyFor("when did the river burst?", elsewhere, {
      ...options,
      feedback: true,
    });
    const now = replyAtOnce("when did the river burst?", here, { ...options, feedback: true });
    // The feedback buttons carry a fresh answer id each time; the rest is the same.
    expect(types(later)).toEqual(types(now));
    expect(later.message.text).toBe(now.message.text);
    expect(later.asked).toBe(now.asked);
  });
});

import { describe, expect, it } from "vitest";
import {
  DOWN_VOTED_HEADING,
  downVotedEvalQuestions,
  NO_VOTES_TEXT,
  renderFeedbackTable,
  summariseVotes,
} from "../../src/feedback/feedback-report.js";
import type { VoteRecord } from "../../src/feedback/vote.js";

function vote(answerId: string, question: string, v: "up" | "down", voter = "h1"): VoteRecord {
  return {
    time: "2026-01-01T00:00:00.000Z",
    channel: "C1",
    messageTs: null,
    answerId,
    question,
    vote: v,
    passages: [],
    voter,
  };
}

const votes = [
  vote("a1", "When did the dam burst?", "down"),
  vote("a1", "When did the dam burst?", "down", "h2"),
  vote("a2", "when did the dam  burst", "up", "h3"),
  vote("a3", "Who rebuilt the bridge?", "down"),
  vote("a4", "How many were evacuated?", "up"),
];

describe("summariseVotes", () => {
  it("counts answers and votes, and ranks questions by down votes, one entry per question", () => {
    expect(summariseVotes(votes)).toEqual({
      answers: 4,
      up: 2,
      down: 3,
      downVoted: [
        { question: "When did the dam burst?", up: 1, down: 2 },
        { question: "Who rebuilt the bridge?", up: 0, down: 1 },
      ],
      workspaces: [{ workspace: null, answers: 4, up: 2, down: 3 }],
    });
  });
});

describe("renderFeedbackTable", () => {
  it("shows the totals and the most down-voted questions", () => {
    expect(renderFeedbackTable(summariseVotes(votes))).toBe(
      [
        "Answers  Up    Down",
        "      4     2     3",
        "",
        DOWN_VOTED_HEADING,
        "Down  Up    Question",
        "   2     1  When did the dam burst?",
        "   1     0  Who rebuilt the bridge?",
      ].join("\n"),
    );
  });

  it("says so when there are no votes", () => {
    expect(renderFeedbackTable(summariseVotes([]))).toBe(NO_VOTES_TEXT);
  });
});

describe("downVotedEvalQuestions", () => {
  it("gives the down-voted questions in the eval's format with an empty evidence pattern", () => {
    expect(downVotedEvalQuestions(votes)).toEqual([
      { q: "When did the dam burst?", ev: "" },
      { q: "Who rebuilt the bridge?", ev: "" },
    ]);
  });
});

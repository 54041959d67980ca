import { oneLineText } from "../corpus/control-characters.js";
import type { VoteRecord } from "./vote.js";

/** Votes on one question, however often it was asked. */
export interface QuestionVotes {
  /** The question as first asked. */
  question: string;
  up: number;
  down: number;
}

export interface FeedbackSummary {
  /** Answers that got at least one vote. */
  answers: number;
  up: number;
  down: number;
  /** Questions with at least one down vote, most down votes first. */
  downVoted: QuestionVotes[];
}

/** How many down-voted questions the table lists. */
export const REPORT_QUESTIONS_MAX = 10;
export const NO_VOTES_TEXT = "No votes yet.";
export const DOWN_VOTED_HEADING = "Most down-voted questions";

/** Questions that differ only in case, spacing or end punctuation are one question. */
export function questionKey(question: string): string {
  return question
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s?!.]+$/, "")
    .trim();
}

/**
 * Totals of de-duplicated votes (see `latestVotes`), and the questions people voted down, most
 * down votes first, then fewest up votes: where the bot most needs work.
 */
export function summariseVotes(votes: readonly VoteRecord[]): FeedbackSummary {
  const answers = new Set<string>();
  const questions = new Map<string, QuestionVotes>();
  let up = 0;
  let down = 0;
  for (const vote of votes) {
    answers.add(vote.answerId);
    const key = questionKey(vote.question);
    let entry = questions.get(key);
    if (!entry) {
      // A question goes to a terminal and to the eval's file: no escape sequence, no line break.
      entry = { question: oneLineText(vote.question).replace(/\s+/g, " ").trim(), up: 0, down: 0 };
      questions.set(key, entry);
    }
    if (vote.vote === "up") {
      up++;
      entry.up++;
    } else {
      down++;
      entry.down++;
    }
  }
  const downVoted = [...questions.values()]
    .filter((q) => q.down > 0)
    .sort((a, b) => b.down - a.down || a.up - b.up);
  return { answers: answers.size, up, down, downVoted };
}

function row(cells: readonly (string | number)[], widths: readonly number[]): string {
  return cells
    .map((cell, i) =>
      typeof cell === "number"
        ? String(cell).padStart(widths[i] ?? 0)
        : oneLineText(cell).padEnd(widths[i] ?? 0),
    )
    .join("  ")
    .trimEnd();
}

/** The summary as a plain-text table for a terminal. */
export function renderFeedbackTable(summary: FeedbackSummary): string {
  if (summary.answers === 0) return NO_VOTES_TEXT;
  const totals = [
    row(["Answers", "Up", "Down"], [7, 4, 4]),
    row([summary.answers, summary.up, summary.down], [7, 4, 4]),
  ];
  if (summary.downVoted.length === 0) return totals.join("\n");
  const listed = summary.downVoted.slice(0, REPORT_QUESTIONS_MAX);
  const lines = [
    ...totals,
    "",
    DOWN_VOTED_HEADING,
    row(["Down", "Up", "Question"], [4, 4, 0]),
    ...listed.map((q) => row([q.down, q.up, q.question], [4, 4, 0])),
  ];
  return lines.join("\n");
}

/** A question in the eval's format: `ev` is the evidence pattern a person fills in. */
export interface EvalQuestion {
  q: string;
  ev: string;
}

/**
 * The down-voted questions in the eval's question format, with an empty evidence pattern: a person
 * writes the pattern a right passage matches, and the complaint becomes a test.
 */
export function downVotedEvalQuestions(votes: readonly VoteRecord[]): EvalQuestion[] {
  return summariseVotes(votes).downVoted.map((q) => ({ q: q.question, ev: "" }));
}

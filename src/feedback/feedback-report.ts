import { oneLineText } from "../corpus/control-characters.js";
import { answerKey } from "./read-votes.js";
import type { VoteRecord } from "./vote.js";

/** Votes on one question, however often it was asked. */
export interface QuestionVotes {
  /** The question as first asked. */
  question: string;
  up: number;
  down: number;
}

/** Totals of one workspace. */
export interface WorkspaceVotes {
  /** The workspace's hashed id as logged; null for lines written before workspaces were logged. */
  workspace: string | null;
  answers: number;
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
  /** The same totals per workspace, most votes first; one entry when one workspace voted. */
  workspaces: WorkspaceVotes[];
}

/** How many down-voted questions the table lists. */
export const REPORT_QUESTIONS_MAX = 10;
export const NO_VOTES_TEXT = "No votes yet.";
export const DOWN_VOTED_HEADING = "Most down-voted questions";
export const WORKSPACES_HEADING = "Per workspace";
/** How many hex characters of a workspace's hash the table shows: enough to tell them apart. */
export const WORKSPACE_LABEL_LENGTH = 12;
/** The table's name for votes logged before workspaces were. */
export const UNNAMED_WORKSPACE = "(not logged)";

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
  const workspaces = new Map<string | null, { answers: Set<string>; up: number; down: number }>();
  let up = 0;
  let down = 0;
  for (const vote of votes) {
    answers.add(answerKey(vote));
    const workspaceKey = vote.workspace ?? null;
    let totals = workspaces.get(workspaceKey);
    if (!totals) {
      totals = { answers: new Set(), up: 0, down: 0 };
      workspaces.set(workspaceKey, totals);
    }
    totals.answers.add(vote.answerId);
    if (vote.vote === "up") totals.up++;
    else totals.down++;
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
  const byWorkspace = [...workspaces]
    .map(([workspace, t]) => ({ workspace, answers: t.answers.size, up: t.up, down: t.down }))
    .sort((a, b) => b.up + b.down - (a.up + a.down));
  return { answers: answers.size, up, down, downVoted, workspaces: byWorkspace };
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
  if (summary.workspaces.length > 1) {
    // Several workspaces: each one's totals, so one workspace's complaints are not read as all's.
    totals.push(
      "",
      WORKSPACES_HEADING,
      row(["Workspace", "Answers", "Up", "Down"], [WORKSPACE_LABEL_LENGTH, 7, 4, 4]),
      ...summary.workspaces.map((w) =>
        row(
          [
            w.workspace?.slice(0, WORKSPACE_LABEL_LENGTH) ?? UNNAMED_WORKSPACE,
            w.answers,
            w.up,
            w.down,
          ],
          [WORKSPACE_LABEL_LENGTH, 7, 4, 4],
        ),
      ),
    );
  }
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

import { readFile } from "node:fs/promises";
import { isVoteDirection, type VoteRecord } from "./vote.js";

/** A line of the log that could not be read as a vote. */
export interface SkippedLine {
  /** 1-based line number. */
  line: number;
  reason: string;
}

export interface VoteLog {
  votes: VoteRecord[];
  /** Lines that were not votes: reported and skipped, so one bad line never hides the rest. */
  skipped: SkippedLine[];
  /** True when the file does not exist (no vote cast yet). */
  missing: boolean;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

/** One line as a vote, or why it is not one. */
export function parseVoteLine(text: string): VoteRecord | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return "not JSON";
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return "not an object";
  const v = data as Record<string, unknown>;
  for (const field of ["time", "channel", "answerId", "question", "voter"] as const) {
    if (typeof v[field] !== "string" || v[field] === "") return `field "${field}" missing`;
  }
  if (Number.isNaN(Date.parse(v.time as string))) return `field "time" is not a date`;
  if (!isVoteDirection(v.vote)) return `field "vote" is not "up" or "down"`;
  if (v.messageTs !== null && typeof v.messageTs !== "string") return `field "messageTs" invalid`;
  if (!isStringArray(v.passages)) return `field "passages" is not a list of strings`;
  if (v.workspace !== undefined && (typeof v.workspace !== "string" || v.workspace === "")) {
    return `field "workspace" invalid`;
  }
  return {
    time: v.time as string,
    channel: v.channel as string,
    messageTs: v.messageTs as string | null,
    answerId: v.answerId as string,
    question: v.question as string,
    vote: v.vote,
    passages: v.passages,
    voter: v.voter as string,
    ...(v.workspace === undefined ? {} : { workspace: v.workspace as string }),
  };
}

/**
 * Every vote in the log, in file order. A missing file is no votes (`missing: true`); a line that
 * is not a vote (a torn write, a hand edit) is skipped and listed. Never throws for either: the
 * report must still show the votes that are there. Other read errors (permissions) do throw.
 */
export async function readVotes(file: string): Promise<VoteLog> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return { votes: [], skipped: [], missing: true };
    }
    throw error;
  }
  const votes: VoteRecord[] = [];
  const skipped: SkippedLine[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const vote = parseVoteLine(line);
    if (typeof vote === "string") skipped.push({ line: i + 1, reason: vote });
    else votes.push(vote);
  });
  return { votes, skipped, missing: false };
}

/** The key of an answer across workspaces: two workspaces' answers never share one. */
export function answerKey(vote: VoteRecord): string {
  return `${vote.workspace ?? ""}\u0000${vote.answerId}`;
}

/**
 * One vote per workspace, answer and voter: the last one in the log, since a person who votes
 * again on the same answer changes their mind. Two workspaces' votes never merge, even on one
 * answer id or from one hashed user id. The kept votes stay in log order.
 */
export function latestVotes(votes: readonly VoteRecord[]): VoteRecord[] {
  const last = new Map<string, number>();
  votes.forEach((vote, i) => {
    last.set(`${answerKey(vote)}\u0000${vote.voter}`, i);
  });
  const keep = new Set(last.values());
  return votes.filter((_, i) => keep.has(i));
}

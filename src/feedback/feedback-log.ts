import { mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { safeJson } from "../corpus/control-characters.js";
import { FeedbackError } from "./feedback-error.js";
import { hashChannel, hashVoter, hashWorkspace } from "./hash-voter.js";
import type { VoteDirection, VoteRecord } from "./vote.js";

/** A question longer than this is cut in the log: a line must stay one short write. */
export const LOGGED_QUESTION_MAX = 1000;
/** At most this many passages are logged per vote. */
export const LOGGED_PASSAGES_MAX = 10;
/** A passage url or id longer than this is cut. */
export const LOGGED_PASSAGE_MAX = 500;

/** A click on a feedback button, as the click handler knows it. */
export interface VoteInput {
  /** The answer's channel id, in clear: the log stores only its HMAC. */
  channel: string;
  messageTs: string | null;
  answerId: string;
  question: string;
  vote: VoteDirection;
  passages: readonly string[];
  /** The voter's Slack user id, in clear: the log stores only its HMAC. */
  userId: string;
  /**
   * The workspace's team id (the org's id for an org-wide install, `voteWorkspaceId`), in clear:
   * the log stores only its HMAC. Null or absent when the request named none.
   */
  workspace?: string | null;
}

export interface FeedbackLogOptions {
  /** The JSON Lines file; its directory is created on the first vote. */
  file: string;
  /**
   * The HMAC key for voter and channel ids (`resolveVoterKey`). Changing it makes old and new votes
   * of one person look distinct.
   */
  secret: string;
  /** The clock, passed in so tests control the time of a vote. */
  now?: () => Date;
}

/**
 * The vote log: one JSON line per vote, appended. Each line goes out in one `write` on a file
 * opened for appending (O_APPEND), so concurrent votes, even from several processes on one disk,
 * land as whole lines; a line is at most a few kilobytes. A repeat vote is appended too: readers
 * keep the last vote per workspace, answer and voter (`latestVotes`), so nothing is ever rewritten in place.
 */
export class FeedbackLog {
  private readonly file: string;
  private readonly secret: string;
  private readonly now: () => Date;
  private directoryReady: Promise<unknown> | null = null;

  constructor(options: FeedbackLogOptions) {
    if (options.secret.length === 0) {
      throw new FeedbackError("the vote log needs a non-empty secret to hash voters with");
    }
    this.file = options.file;
    this.secret = options.secret;
    this.now = options.now ?? (() => new Date());
  }

  /** Records one vote and returns the line written. */
  async record(input: VoteInput): Promise<VoteRecord> {
    const record = this.toRecord(input);
    this.directoryReady ??= mkdir(dirname(this.file), { recursive: true });
    try {
      await this.directoryReady;
    } catch (error) {
      this.directoryReady = null;
      throw error;
    }
    // safeJson: a question holding U+2028 or U+0085 must not split the line for any reader.
    const line = Buffer.from(`${safeJson(record)}\n`, "utf8");
    const handle = await open(this.file, "a");
    try {
      const { bytesWritten } = await handle.write(line, 0, line.length, null);
      if (bytesWritten !== line.length) {
        throw new FeedbackError(`wrote ${bytesWritten} of ${line.length} bytes to ${this.file}`);
      }
    } finally {
      await handle.close();
    }
    return record;
  }

  private toRecord(input: VoteInput): VoteRecord {
    if (input.answerId.length === 0) throw new FeedbackError("a vote needs the answer's id");
    return {
      time: this.now().toISOString(),
      channel: hashChannel(input.channel, this.secret),
      messageTs: input.messageTs,
      answerId: input.answerId,
      question: input.question.slice(0, LOGGED_QUESTION_MAX),
      vote: input.vote,
      passages: input.passages
        .slice(0, LOGGED_PASSAGES_MAX)
        .map((p) => p.slice(0, LOGGED_PASSAGE_MAX)),
      voter: hashVoter(input.userId, this.secret),
      ...(input.workspace ? { workspace: hashWorkspace(input.workspace, this.secret) } : {}),
    };
  }
}

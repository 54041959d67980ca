/** Which feedback button a person clicked. */
export type VoteDirection = "up" | "down";

/**
 * One vote as the feedback log stores it, one JSON line each. The voter is an HMAC of their Slack
 * user id, so the log can tell a repeat vote from a new one without holding who voted.
 */
export interface VoteRecord {
  /** When the vote was cast, ISO 8601 (UTC). */
  time: string;
  /** Slack channel id of the answer. */
  channel: string;
  /** Slack ts of the message that carried the answer; null when Slack gave none (ephemeral). */
  messageTs: string | null;
  /** The id the answer's buttons carry: one id per posted answer. */
  answerId: string;
  /** The question as the person asked it. */
  question: string;
  vote: VoteDirection;
  /** Urls (or passage ids, where a passage has no url) of the passages the answer showed. */
  passages: string[];
  /** HMAC-SHA256 of the voter's user id, hex. */
  voter: string;
}

export function isVoteDirection(value: unknown): value is VoteDirection {
  return value === "up" || value === "down";
}

/** Which feedback button a person clicked. */
export type VoteDirection = "up" | "down";

/**
 * One vote as the feedback log stores it, one JSON line each. The voter and the channel are HMACs
 * of their Slack ids, so the log can tell a repeat vote from a new one without holding who voted
 * (a DM's channel id would say it too).
 */
export interface VoteRecord {
  /** When the vote was cast, ISO 8601 (UTC). */
  time: string;
  /**
   * HMAC-SHA256 of the answer's Slack channel id, hex. Lines written before the channel was hashed
   * hold the id in clear; they are read all the same.
   */
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
  /**
   * HMAC-SHA256 of the workspace's team id (the org's for an org-wide install), hex. Absent on
   * lines written before votes were kept per workspace: those count as one unnamed workspace.
   */
  workspace?: string;
}

export function isVoteDirection(value: unknown): value is VoteDirection {
  return value === "up" || value === "down";
}

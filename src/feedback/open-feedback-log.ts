import type { StateStore } from "../state/state-store.js";
import { FeedbackLog } from "./feedback-log.js";
import { resolveVoterKey } from "./voter-key.js";

/** Said at start when voters are hashed with a key that dies with the process. */
export const EPHEMERAL_VOTER_KEY_TEXT =
  "Feedback: voters are hashed with a key made for this process; set FEEDBACK_SECRET to keep a person's votes recognisable across restarts";

export interface OpenFeedbackLogOptions {
  /** FEEDBACK_FILE. */
  file: string;
  /** FEEDBACK_SECRET, or null. */
  secret: string | null;
  state: StateStore;
  /** True when `state` outlives the process (Redis): a key kept there survives a restart. */
  stateIsShared: boolean;
  info: (message: string) => void;
}

/**
 * The vote log, its voters hashed with FEEDBACK_SECRET or else a key kept in the state store
 * (`resolveVoterKey`). Says so at start when that key lives only as long as the process.
 */
export async function openFeedbackLog(options: OpenFeedbackLogOptions): Promise<FeedbackLog> {
  const voterKey = await resolveVoterKey({ configured: options.secret, state: options.state });
  if (voterKey.source !== "FEEDBACK_SECRET" && !options.stateIsShared) {
    options.info(EPHEMERAL_VOTER_KEY_TEXT);
  }
  return new FeedbackLog({ file: options.file, secret: voterKey.key });
}

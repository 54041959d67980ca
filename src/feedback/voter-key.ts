import { randomBytes } from "node:crypto";
import type { StateStore } from "../state/state-store.js";
import { FeedbackError } from "./feedback-error.js";

/** Where the generated key is kept in the state store, shared by every replica. */
export const VOTER_KEY_NAME = "feedback:voter-key";
const CREATING_NAME = `${VOTER_KEY_NAME}:creating`;
/** Kept ten years: the key must outlive the log, or old and new votes of one person look apart. */
export const VOTER_KEY_TTL_SECONDS = 10 * 365 * 24 * 60 * 60;
/** How long a replica waits for the one that is creating the key. */
const WAIT_FOR_CREATOR_MS = 5_000;
const POLL_MS = 100;

export interface VoterKeyOptions {
  /** FEEDBACK_SECRET, when the operator set one: it wins. */
  configured: string | null;
  state: StateStore;
  /** 32 random bytes, hex; passed in so tests see which key was made. */
  generate?: () => string;
}

export interface VoterKey {
  key: string;
  /** Where the key came from, for the start's log line. */
  source: "FEEDBACK_SECRET" | "state store (existing)" | "state store (new)";
}

/**
 * The key voters' and channels' ids are hashed with in the feedback log. FEEDBACK_SECRET when set;
 * otherwise a random key generated once and kept in the state store, so every replica and every
 * restart (with Redis) hash alike. Never derived from a credential: a key derived from the bot
 * token lets anyone holding the token rebuild every hash from a list of the workspace's ids.
 * Of replicas starting at once, one creates the key and the others read it.
 */
export async function resolveVoterKey(options: VoterKeyOptions): Promise<VoterKey> {
  if (options.configured !== null && options.configured !== "") {
    return { key: options.configured, source: "FEEDBACK_SECRET" };
  }
  const { state } = options;
  const existing = await state.get(VOTER_KEY_NAME);
  if (existing) return { key: existing, source: "state store (existing)" };
  if (await state.claim(CREATING_NAME, WAIT_FOR_CREATOR_MS / 1000)) {
    const key = (options.generate ?? (() => randomBytes(32).toString("hex")))();
    await state.set(VOTER_KEY_NAME, key, VOTER_KEY_TTL_SECONDS);
    return { key, source: "state store (new)" };
  }
  const deadline = Date.now() + WAIT_FOR_CREATOR_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const created = await state.get(VOTER_KEY_NAME);
    if (created) return { key: created, source: "state store (existing)" };
  }
  throw new FeedbackError(
    `another replica began creating the voters' key but none appeared within ${WAIT_FOR_CREATOR_MS} ms; set FEEDBACK_SECRET or restart`,
  );
}

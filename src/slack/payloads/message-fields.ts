/**
 * Message subtypes a person sends when asking: a plain message, one with a file attached (a
 * screenshot and a question: the text is answered, the file ignored), and a thread reply also sent
 * to the channel (`thread_broadcast`: still a reply in its thread). Edits, deletions, joins, topics,
 * `/me` and the rest are not questions.
 */
export const QUESTION_SUBTYPES: ReadonlySet<string | undefined> = new Set([
  undefined,
  "file_share",
  "thread_broadcast",
]);

/** The fields of a message event the message listeners read; Bolt's union of message types hides them. */
export interface MessageFields {
  channel: string;
  channel_type?: string;
  subtype?: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown;
  user?: string;
  bot_id?: string;
  bot_profile?: unknown;
  /** Set by Slack on a message in an assistant thread (an `action_token`, for instance). */
  assistant_thread?: unknown;
}

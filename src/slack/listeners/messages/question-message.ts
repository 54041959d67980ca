import { type MessageFields, QUESTION_SUBTYPES } from "../../payloads/message-fields.js";
import { messageText } from "../../payloads/message-text.js";
import { sentByBot } from "../../payloads/sent-by-bot.js";

/** A person's message that may be a question: where it was posted and what it says. */
export interface QuestionMessage {
  channel: string;
  ts: string;
  /** The thread it was posted in, if any. */
  threadTs: string | undefined;
  /** What it says, in Slack's markup: its text, or its rich-text blocks' words (see `messageText`). */
  text: string;
  /** Slack marked it as posted in an assistant thread (`assistant_thread`). */
  inAssistantThread: boolean;
}

/**
 * The message listeners' shared first step: the message as a question a person asked in one of
 * `channelTypes`, or null when it cannot be one (another channel type, a subtype that is not a
 * question, a post by a bot or by this app). Each listener then decides whether it is its to answer.
 */
export function personsQuestion(
  message: unknown,
  channelTypes: ReadonlySet<string | undefined>,
  botUserId: string | undefined,
): QuestionMessage | null {
  const m = message as MessageFields;
  if (!channelTypes.has(m.channel_type) || !QUESTION_SUBTYPES.has(m.subtype)) return null;
  if (sentByBot(m, botUserId)) return null;
  return {
    channel: m.channel,
    ts: m.ts,
    threadTs: m.thread_ts,
    text: messageText(m),
    inAssistantThread: m.assistant_thread !== undefined && m.assistant_thread !== null,
  };
}

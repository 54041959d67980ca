import type { Answer } from "../answer/answer.js";
import { answerRefOf } from "../feedback/answer-ref.js";
import type { SlackMessage } from "../format/blocks.js";
import { feedbackBlock } from "../format/feedback-blocks.js";
import {
  type RenderOptions,
  renderAnswerMessage,
  renderHelpMessage,
} from "../format/render-answer-blocks.js";
import { isHelpRequest, questionFromSlackText } from "./question-text.js";
import { toSlackMessage } from "./slack-blocks.js";

export interface ReplyOptions extends RenderOptions {
  /**
   * End an answer with feedback buttons. No-match replies get them too: a down vote on "nothing
   * matches" names a question people expected the articles to answer, the most useful complaint
   * the eval can get. Usage (help) replies never do: nothing was answered.
   */
  feedback?: boolean;
  /** The text to search for the question (a follow-up read with its thread); the question itself when not given. */
  searchAs?: (question: string) => string;
}

/** A reply, and the question it answered (as asked), or null when it answered nothing (usage). */
export interface Reply {
  message: ReturnType<typeof toSlackMessage>;
  asked: string | null;
}

/** The reply to a message's text: usage when it asks nothing, else the answer from the corpus. */
export function replyFor(
  text: string | undefined,
  answer: (question: string) => Answer,
  options: ReplyOptions = {},
): Reply {
  const question = questionFromSlackText(text);
  if (isHelpRequest(question)) return { message: toSlackMessage(renderHelpMessage()), asked: null };
  const answered = answer(options.searchAs ? options.searchAs(question) : question);
  const rendered = renderAnswerMessage(answered, options);
  const message: SlackMessage = options.feedback
    ? { ...rendered, blocks: [...rendered.blocks, feedbackBlock(answerRefOf(answered))] }
    : rendered;
  return { message: toSlackMessage(message), asked: question };
}

import type { Answer } from "../answer/answer.js";
import {
  type RenderOptions,
  renderAnswerMessage,
  renderHelpMessage,
} from "../format/render-answer-blocks.js";
import { isHelpRequest, questionFromSlackText } from "./question-text.js";
import { toSlackMessage } from "./slack-blocks.js";

/** The reply to a message's text: usage when it asks nothing, else the answer from the corpus. */
export function replyFor(
  text: string | undefined,
  answer: (question: string) => Answer,
  options: RenderOptions = {},
) {
  const question = questionFromSlackText(text);
  const message = isHelpRequest(question)
    ? renderHelpMessage()
    : renderAnswerMessage(answer(question), options);
  return toSlackMessage(message);
}

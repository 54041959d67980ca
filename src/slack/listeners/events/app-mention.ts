import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { ERROR_TEXT } from "../../../format/messages.js";
import { renderAnswerMessage, renderHelpMessage } from "../../../format/render-answer-blocks.js";
import { describeError, type ListenerDeps } from "../../deps.js";
import { isHelpRequest, questionFromSlackText } from "../../question-text.js";
import { toSlackMessage } from "../../slack-blocks.js";

/** A mention in a channel: answered in the mention's thread, or the thread it was posted in. */
export function appMention({ answer }: ListenerDeps) {
  return async ({
    event,
    say,
    logger,
  }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs) => {
    const threadTs = event.thread_ts ?? event.ts;
    const question = questionFromSlackText(event.text);
    try {
      const message = isHelpRequest(question)
        ? renderHelpMessage()
        : renderAnswerMessage(answer(question));
      await say({ ...toSlackMessage(message), thread_ts: threadTs });
      logger.info(`Mention answered in ${event.channel} thread ${threadTs}`);
    } catch (error) {
      logger.error(`Mention in ${event.channel} failed: ${describeError(error)}`);
      await say({ text: ERROR_TEXT, thread_ts: threadTs }).catch((e: unknown) =>
        logger.error(`Mention apology failed too: ${describeError(e)}`),
      );
    }
  };
}

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { ERROR_TEXT } from "../../../format/messages.js";
import { renderAnswerMessage, renderHelpMessage } from "../../../format/render-answer-blocks.js";
import { describeError, type ListenerDeps } from "../../deps.js";
import { isHelpRequest, questionFromSlackText } from "../../question-text.js";
import { toSlackMessage } from "../../slack-blocks.js";

/**
 * A direct message to the bot: answered in the DM. Only plain messages from people count: edits,
 * deletions, joins, other subtypes and anything a bot posted (the bot itself included) are ignored.
 */
export function directMessage({ answer }: ListenerDeps) {
  return async ({
    message,
    say,
    logger,
  }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    if (message.channel_type !== "im" || message.subtype !== undefined) return;
    if ("bot_id" in message && message.bot_id) return;
    const question = questionFromSlackText(message.text);
    try {
      const reply = isHelpRequest(question)
        ? renderHelpMessage()
        : renderAnswerMessage(answer(question));
      await say(toSlackMessage(reply));
      logger.info(`DM answered in ${message.channel}`);
    } catch (error) {
      logger.error(`DM in ${message.channel} failed: ${describeError(error)}`);
      await say({ text: ERROR_TEXT }).catch((e: unknown) =>
        logger.error(`DM apology failed too: ${describeError(e)}`),
      );
    }
  };
}

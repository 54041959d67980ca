import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { ERROR_TEXT } from "../../../format/messages.js";
import { renderAnswerMessage, renderHelpMessage } from "../../../format/render-answer-blocks.js";
import { describeError, type ListenerDeps } from "../../deps.js";
import { isHelpRequest, questionFromSlackText } from "../../question-text.js";
import { toSlackMessage } from "../../slack-blocks.js";

export const SYRIA_COMMAND = "/syria";

/** `/syria <question>`: acks at once, then answers only the asker, with a Share button. */
export function syriaCommand({ answer }: ListenerDeps) {
  return async ({
    command,
    ack,
    respond,
    logger,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const question = questionFromSlackText(command.text);
    try {
      const message = isHelpRequest(question)
        ? renderHelpMessage()
        : renderAnswerMessage(answer(question), { shareable: true });
      await respond({ response_type: "ephemeral", ...toSlackMessage(message) });
      logger.info(`${SYRIA_COMMAND} answered for ${command.user_id} in ${command.channel_id}`);
    } catch (error) {
      logger.error(`${SYRIA_COMMAND} failed for ${command.user_id}: ${describeError(error)}`);
      await respond({ response_type: "ephemeral", text: ERROR_TEXT }).catch((e: unknown) =>
        logger.error(`${SYRIA_COMMAND} apology failed too: ${describeError(e)}`),
      );
    }
  };
}

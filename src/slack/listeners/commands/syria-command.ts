import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { BUSY_TEXT, ERROR_TEXT } from "../../../format/messages.js";
import { describeError, type ListenerDeps } from "../../deps.js";
import { replyFor } from "../../reply-for.js";
import { respondWithRetry } from "../../respond-with-retry.js";

export const SYRIA_COMMAND = "/syria";

/**
 * `/syria <question>`: acks at once, then answers only the asker, with a Share button. The answer
 * is queued behind the ack, so a busy bot still acks within Slack's 3 seconds.
 */
export function syriaCommand({ answer, queue }: ListenerDeps) {
  return async ({
    command,
    ack,
    respond,
    logger,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const accepted = queue.push(async () => {
      try {
        await respondWithRetry(respond, {
          response_type: "ephemeral",
          ...replyFor(command.text, answer, { shareable: true }),
        });
        logger.info(`${SYRIA_COMMAND} answered for ${command.user_id} in ${command.channel_id}`);
      } catch (error) {
        logger.error(`${SYRIA_COMMAND} failed for ${command.user_id}: ${describeError(error)}`);
        await respond({ response_type: "ephemeral", text: ERROR_TEXT }).catch((e: unknown) =>
          logger.error(`${SYRIA_COMMAND} apology failed too: ${describeError(e)}`),
        );
      }
    });
    if (accepted) {
      await ack();
    } else {
      logger.warn(`${SYRIA_COMMAND} from ${command.user_id} refused: the work queue is full`);
      await ack({ response_type: "ephemeral", text: BUSY_TEXT });
    }
  };
}

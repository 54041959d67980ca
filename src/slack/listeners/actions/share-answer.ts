import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { ERROR_TEXT } from "../../../format/messages.js";
import { describeError, type ListenerDeps } from "../../deps.js";
import { replyFor } from "../../reply-for.js";
import { respondWithRetry } from "../../respond-with-retry.js";

/**
 * "Share in channel": posts the same answer for everyone, naming who shared it, then removes the
 * reply only the asker saw. The answer is found again from the question in the button: the same
 * question over the same corpus gives the same answer.
 */
export function shareAnswer({ answer, queue }: ListenerDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
    logger,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const accepted = queue.push(async () => {
      try {
        const message = replyFor(action.value, answer, { sharedBy: body.user.id });
        await respondWithRetry(respond, {
          response_type: "in_channel",
          replace_original: false,
          ...message,
        });
        await respondWithRetry(respond, { delete_original: true });
        logger.info(`Answer shared by ${body.user.id} in ${body.channel?.id ?? "unknown channel"}`);
      } catch (error) {
        logger.error(`Share by ${body.user.id} failed: ${describeError(error)}`);
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: ERROR_TEXT,
        }).catch((e: unknown) => logger.error(`Share apology failed too: ${describeError(e)}`));
      }
    });
    if (!accepted) logger.error(`Share by ${body.user.id} dropped: the work queue is full`);
  };
}

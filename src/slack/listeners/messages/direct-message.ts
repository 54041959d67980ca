import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { ERROR_TEXT } from "../../../format/messages.js";
import { describeError, type ListenerDeps } from "../../deps.js";
import { replyFor } from "../../reply-for.js";

/**
 * A direct message to the bot: answered in the DM. Only plain messages from people count: edits,
 * deletions, joins, other subtypes and anything a bot posted (the bot itself included) are ignored.
 */
export function directMessage({ answer, queue }: ListenerDeps) {
  return async ({
    message,
    say,
    logger,
  }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    if (message.channel_type !== "im" || message.subtype !== undefined) return;
    if ("bot_id" in message && message.bot_id) return;
    const accepted = queue.push(async () => {
      try {
        await say(replyFor(message.text, answer));
        logger.info(`DM answered in ${message.channel}`);
      } catch (error) {
        logger.error(`DM in ${message.channel} failed: ${describeError(error)}`);
        await say({ text: ERROR_TEXT }).catch((e: unknown) =>
          logger.error(`DM apology failed too: ${describeError(e)}`),
        );
      }
    });
    if (!accepted) logger.error(`DM in ${message.channel} dropped: the work queue is full`);
  };
}

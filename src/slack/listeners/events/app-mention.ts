import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { ERROR_TEXT } from "../../../format/messages.js";
import { describeError, type ListenerDeps } from "../../deps.js";
import { replyFor } from "../../reply-for.js";

/** A mention in a channel: answered in the mention's thread, or the thread it was posted in. */
export function appMention({ answer, queue }: ListenerDeps) {
  return async ({
    event,
    say,
    logger,
  }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs) => {
    const threadTs = event.thread_ts ?? event.ts;
    const accepted = queue.push(async () => {
      try {
        await say({ ...replyFor(event.text, answer), thread_ts: threadTs });
        logger.info(`Mention answered in ${event.channel} thread ${threadTs}`);
      } catch (error) {
        logger.error(`Mention in ${event.channel} failed: ${describeError(error)}`);
        await say({ text: ERROR_TEXT, thread_ts: threadTs }).catch((e: unknown) =>
          logger.error(`Mention apology failed too: ${describeError(e)}`),
        );
      }
    });
    if (!accepted) logger.error(`Mention in ${event.channel} dropped: the work queue is full`);
  };
}

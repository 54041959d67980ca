import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { messageClaimKey } from "../../../state/claim-keys.js";
import type { ListenerDeps } from "../../deps.js";
import { claimOnce } from "../../event-claims.js";
import { replyAfterAck } from "../../listener-helper.js";
import { replyFor } from "../../reply-for.js";
import { sentByBot } from "../../sent-by-bot.js";

/**
 * A mention in a channel: answered in the mention's thread, or the thread it was posted in. Only
 * the first delivery of a message counts: an edit (`edited`) is not asked again, and bots are not
 * answered.
 */
export function appMention({ answer, queue, state }: ListenerDeps) {
  return async ({
    event,
    say,
    logger,
    context,
  }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs) => {
    if (sentByBot(event, context?.botUserId) || "edited" in event) return;
    const key = messageClaimKey(event);
    if (key !== null && !(await claimOnce(state, key, logger))) return;
    const threadTs = event.thread_ts ?? event.ts;
    await replyAfterAck(queue, logger, {
      label: `Mention in ${event.channel} thread ${threadTs}`,
      reply: () => say({ ...replyFor(event.text, answer), thread_ts: threadTs }),
      notify: (text) => say({ text, thread_ts: threadTs }),
    });
  };
}

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { recallThread, threadKey } from "../../../query/thread-memory.js";
import { answerInThread } from "../../answer-in-thread.js";
import type { ListenerDeps } from "../../deps.js";
import { claimMessage } from "../../event-claims.js";
import { replyAfterAck } from "../../listener-helper.js";
import { messageText } from "../../payloads/message-text.js";
import { sentByBot } from "../../payloads/sent-by-bot.js";

/**
 * A mention in a channel: answered in the mention's thread, or the thread it was posted in, and
 * remembered there so the next message in the thread needs no mention. A mention in a thread the
 * bot answered before is read with the thread's earlier questions. Only the first delivery of a
 * message counts: an edit (`edited`) is not asked again, and bots are not answered.
 */
export function appMention(deps: ListenerDeps) {
  const { queue, state, nowMilliseconds } = deps;
  return async ({
    event,
    say,
    logger,
    context,
  }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs) => {
    if (sentByBot(event, context?.botUserId) || "edited" in event) return;
    if (!(await claimMessage(state, event, logger))) return;
    const threadTs = event.thread_ts ?? event.ts;
    await replyAfterAck(queue, logger, {
      label: `Mention in ${event.channel} thread ${threadTs}`,
      reply: async () => {
        const memory =
          event.thread_ts === undefined
            ? null
            : await recallThread(state, threadKey(event.channel, threadTs), {
                now: nowMilliseconds,
              }).catch(() => null);
        await answerInThread(deps, {
          channel: event.channel,
          threadTs,
          text: messageText(event),
          earlier: memory?.questions.map((q) => q.text) ?? [],
          post: (message) => say({ ...message, thread_ts: threadTs }),
          logger,
        });
      },
      notify: (text) => say({ text, thread_ts: threadTs }),
    });
  };
}

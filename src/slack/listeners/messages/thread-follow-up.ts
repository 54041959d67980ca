import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { recallThread, type ThreadMemory, threadKey } from "../../../query/thread-memory.js";
import { answerInThread } from "../../answer-in-thread.js";
import type { ListenerDeps } from "../../deps.js";
import { claimMessage } from "../../event-claims.js";
import { replyAfterAck } from "../../listener-helper.js";
import { personsQuestion } from "./question-message.js";

/**
 * Channel types whose messages can be follow-ups: public and private channels, and group DMs,
 * where the bot answers a mention in the thread as in a channel (DMs have their own listener).
 */
const CHANNEL_TYPES: ReadonlySet<string | undefined> = new Set(["channel", "group", "mpim"]);

/**
 * A message in a channel thread the bot answered in: answered in the thread without a mention,
 * read with the thread's earlier questions ("and where is he now?" after "who granted X asylum?").
 * A reply also sent to the channel (`thread_broadcast`) is a reply like any other. Every other
 * channel message (outside a thread, in a thread the bot never answered in, or after the thread's
 * memory expired) is dropped here unread and never logged, not even at debug: the bot holds the
 * history scopes only to hear follow-ups. A message that mentions the bot is left to the mention
 * listener, so it is answered once.
 */
export function threadFollowUp(deps: ListenerDeps) {
  const { queue, state, nowMilliseconds } = deps;
  return async ({
    message,
    say,
    logger,
    context,
  }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    const botUserId = context?.botUserId;
    const m = personsQuestion(message, CHANNEL_TYPES, botUserId);
    if (m === null) return;
    const { channel, threadTs } = m;
    if (threadTs === undefined || threadTs === m.ts) return;
    if (botUserId !== undefined && m.text.includes(`<@${botUserId}`)) return;
    let memory: ThreadMemory | null;
    try {
      memory = await recallThread(state, threadKey(channel, threadTs), { now: nowMilliseconds });
    } catch {
      // No ids here: the thread may be one the bot never answered in.
      logger.warn("Thread memory unavailable: a channel thread message was not answered");
      return;
    }
    if (memory === null || !(await claimMessage(state, m, logger))) return;
    const earlier = memory.questions.map((q) => q.text);
    await replyAfterAck(queue, logger, {
      label: `Follow-up in ${channel} thread ${threadTs}`,
      reply: () =>
        answerInThread(deps, {
          channel,
          threadTs,
          text: m.text,
          earlier,
          post: (reply) => say({ ...reply, thread_ts: threadTs }),
          logger,
        }),
      notify: (text) => say({ text, thread_ts: threadTs }),
    });
  };
}

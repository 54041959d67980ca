import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { recallThread, type ThreadMemory, threadKey } from "../../../query/thread-memory.js";
import { messageClaimKey } from "../../../state/claim-keys.js";
import { answerInThread } from "../../answer-in-thread.js";
import type { ListenerDeps } from "../../deps.js";
import { claimOnce } from "../../event-claims.js";
import { replyAfterAck } from "../../listener-helper.js";
import { sentByBot } from "../../sent-by-bot.js";
import { type MessageFields, QUESTION_SUBTYPES } from "./message-fields.js";

/** Channel types whose messages can be follow-ups: public and private channels (DMs have their own listener). */
const CHANNEL_TYPES: ReadonlySet<string | undefined> = new Set(["channel", "group"]);

/**
 * A message in a channel thread the bot answered in: answered in the thread without a mention,
 * read with the thread's earlier questions ("and where is he now?" after "who granted X asylum?").
 * Every other channel message (outside a thread, in a thread the bot never answered in, or after
 * the thread's memory expired) is dropped here unread and never logged, not even at debug: the bot
 * holds the history scopes only to hear follow-ups. A message that mentions the bot is left to the
 * mention listener, so it is answered once.
 */
export function threadFollowUp(deps: ListenerDeps) {
  const { queue, state, nowMilliseconds } = deps;
  return async ({
    message,
    say,
    logger,
    context,
  }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    const m = message as unknown as MessageFields;
    if (!CHANNEL_TYPES.has(m.channel_type) || !QUESTION_SUBTYPES.has(m.subtype)) return;
    const threadTs = m.thread_ts;
    if (threadTs === undefined || threadTs === m.ts) return;
    if (sentByBot(m, context?.botUserId)) return;
    const botUserId = context?.botUserId;
    if (botUserId !== undefined && (m.text ?? "").includes(`<@${botUserId}`)) return;
    let memory: ThreadMemory | null;
    try {
      memory = await recallThread(state, threadKey(m.channel, threadTs), { now: nowMilliseconds });
    } catch {
      // No ids here: the thread may be one the bot never answered in.
      logger.warn("Thread memory unavailable: a channel thread message was not answered");
      return;
    }
    if (memory === null) return;
    const key = messageClaimKey(m);
    if (key !== null && !(await claimOnce(state, key, logger))) return;
    const earlier = memory.questions.map((q) => q.text);
    await replyAfterAck(queue, logger, {
      label: `Follow-up in ${m.channel} thread ${threadTs}`,
      reply: () =>
        answerInThread(deps, {
          channel: m.channel,
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

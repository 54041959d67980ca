import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { recallThread, threadKey } from "../../../query/thread-memory.js";
import { messageClaimKey } from "../../../state/claim-keys.js";
import { answerInThread } from "../../answer-in-thread.js";
import { isAssistantThread } from "../../assistant-threads.js";
import type { ListenerDeps } from "../../deps.js";
import { claimOnce } from "../../event-claims.js";
import { replyAfterAck } from "../../listener-helper.js";
import { sentByBot } from "../../sent-by-bot.js";
import { type MessageFields, QUESTION_SUBTYPES } from "./message-fields.js";

/**
 * A direct message to the bot: answered in the DM, in the thread when it was sent in one. In a
 * thread, the message is read with the questions the bot answered there before, and the thinking
 * status shows while it answers when the thread is an assistant thread (Slack opened it, or the bot
 * answered in it). Anything a bot posted (this one included) is ignored.
 */
export function directMessage(deps: ListenerDeps) {
  const { queue, state, nowMilliseconds } = deps;
  return async ({
    message,
    say,
    logger,
    context,
    client,
  }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    const dm = message as unknown as MessageFields;
    if (dm.channel_type !== "im" || !QUESTION_SUBTYPES.has(dm.subtype)) return;
    if (sentByBot(dm, context?.botUserId)) return;
    const key = messageClaimKey(dm);
    if (key !== null && !(await claimOnce(state, key, logger))) return;
    const threadTs = dm.thread_ts;
    const thread = threadTs === undefined ? {} : { thread_ts: threadTs };
    await replyAfterAck(queue, logger, {
      label: `DM in ${dm.channel}${threadTs ? ` thread ${threadTs}` : ""}`,
      reply: async () => {
        let earlier: string[] = [];
        let assistant = false;
        if (threadTs !== undefined) {
          const memory = await recallThread(state, threadKey(dm.channel, threadTs), {
            now: nowMilliseconds,
          }).catch(() => null);
          earlier = memory?.questions.map((q) => q.text) ?? [];
          assistant =
            memory !== null ||
            (await isAssistantThread(state, dm.channel, threadTs).catch(() => false));
        }
        await answerInThread(deps, {
          channel: dm.channel,
          threadTs,
          text: dm.text,
          earlier,
          post: (reply) => say({ ...reply, ...thread }),
          logger,
          ...(assistant ? { status: client } : {}),
        });
      },
      notify: (text) => say({ text, ...thread }),
    });
  };
}

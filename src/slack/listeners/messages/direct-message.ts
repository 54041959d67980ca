import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { recallThread, threadKey } from "../../../query/thread-memory.js";
import { answerInThread } from "../../answer-in-thread.js";
import { isAssistantThread } from "../../assistant-threads.js";
import type { ListenerDeps } from "../../deps.js";
import { claimMessage } from "../../event-claims.js";
import { replyAfterAck } from "../../listener-helper.js";
import { personsQuestion } from "./question-message.js";

const DM: ReadonlySet<string | undefined> = new Set(["im"]);

/**
 * A direct message to the bot: answered in the DM, in the thread when it was sent in one. In a
 * thread, the message is read with the questions the bot answered there before, and the thinking
 * status shows while it answers when the thread is an assistant thread (Slack opened it or marked
 * the message so, or the bot answered in it). Anything a bot posted (this one included) is ignored.
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
    const dm = personsQuestion(message, DM, context?.botUserId);
    if (dm === null || !(await claimMessage(state, dm, logger))) return;
    const { channel, threadTs } = dm;
    const thread = threadTs === undefined ? {} : { thread_ts: threadTs };
    await replyAfterAck(queue, logger, {
      label: `DM in ${channel}${threadTs ? ` thread ${threadTs}` : ""}`,
      reply: async () => {
        let earlier: string[] = [];
        let assistant = false;
        if (threadTs !== undefined) {
          const memory = await recallThread(state, threadKey(channel, threadTs), {
            now: nowMilliseconds,
          }).catch(() => null);
          earlier = memory?.questions.map((q) => q.text) ?? [];
          assistant =
            dm.inAssistantThread ||
            memory !== null ||
            (await isAssistantThread(state, channel, threadTs).catch(() => false));
        }
        await answerInThread(deps, {
          channel,
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

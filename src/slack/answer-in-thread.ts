import type { AllMiddlewareArgs, Logger } from "@slack/bolt";
import { questionInContext } from "../query/follow-up-question.js";
import { rememberAnswer, threadKey } from "../query/thread-memory.js";
import { describeError, type ListenerDeps } from "./deps.js";
import { replyFor, type SlackReply } from "./reply-for.js";
import { clearThinkingStatus, setThinkingStatus } from "./thinking-status.js";

/** Where and how one message is answered. */
export interface ThreadAnswer {
  channel: string;
  /** The thread the reply goes to; undefined for a top-level reply (a DM), which is not remembered. */
  threadTs: string | undefined;
  /** The message as Slack sent it. */
  text: string | undefined;
  /** The questions the bot answered earlier in the thread, oldest first: the follow-up is read with them. */
  earlier: readonly string[];
  /** Posts the reply in the thread. */
  post: (message: SlackReply["message"]) => Promise<unknown>;
  logger: Logger;
  /** Given for assistant threads: the thinking status is shown until the reply is posted. */
  status?: AllMiddlewareArgs["client"];
}

/**
 * Answers a message in its thread: read in the context of the thread's earlier questions, posted
 * with feedback buttons, then remembered, so the next message in the thread is answered without a
 * mention. The thinking status, when asked for, is cleared if the answer fails (a post clears it
 * otherwise). A failure to remember is logged, not thrown: the answer is already posted.
 */
export async function answerInThread(deps: ListenerDeps, target: ThreadAnswer): Promise<void> {
  const { channel, threadTs, logger, status } = target;
  if (status && threadTs) await setThinkingStatus(status, logger, channel, threadTs);
  let reply: SlackReply;
  try {
    const earlier = target.earlier;
    reply = await replyFor(target.text, deps.ask, {
      commandName: deps.commandName,
      feedback: deps.feedback !== null,
      ...(earlier.length > 0 ? { searchAs: (q: string) => questionInContext(q, earlier) } : {}),
    });
    await target.post(reply.message);
  } catch (error) {
    if (status && threadTs) await clearThinkingStatus(status, logger, channel, threadTs);
    throw error;
  }
  if (threadTs === undefined || reply.asked === null) return;
  try {
    await rememberAnswer(deps.state, threadKey(channel, threadTs), reply.asked, {
      now: deps.nowMilliseconds,
    });
  } catch (error) {
    logger.warn(`Thread memory of ${channel} thread ${threadTs} not kept: ${describeError(error)}`);
  }
}

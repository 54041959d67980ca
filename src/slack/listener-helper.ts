import type { Logger } from "@slack/bolt";
import { BUSY_TEXT, ERROR_TEXT } from "../format/messages.js";
import { describeError } from "./deps.js";
import { mayHaveLanded } from "./transport/http-fetch.js";
import type { ReplyLane, WorkQueue } from "./work-queue.js";

/** One reply a listener owes someone: how to post it, and how to tell them something short. */
export interface ReplyTask {
  /** Who asked where, for the logs ("Mention in C1 thread 1.2"); never the question itself. */
  label: string;
  /** Builds and posts the reply. Runs on the work queue, after the ack. */
  reply: () => Promise<unknown>;
  /** Posts a short text where the asker will see it: their thread, their DM, an ephemeral. */
  notify: (text: string) => Promise<unknown>;
  /**
   * For requests the listener acks itself (commands): called once, with the busy text when the
   * queue refused the work, so Slack shows it at once. Events are acked by Bolt before listeners run.
   */
  ack?: (busyText?: string) => Promise<void>;
  /**
   * Which endpoint the reply posts to, so that one that hangs holds only its own share of the
   * queue: "response_url" for replies through `respond`, "web_api" for `chat.postMessage` and
   * other Web API calls. When not given: "response_url" for requests the listener acks itself
   * (commands), "web_api" for events.
   */
  lane?: ReplyLane;
}

/**
 * The one overload policy every listener goes through: the reply is queued behind the ack, a
 * failure is logged and apologised for where the question was asked, and when the queue is full the
 * asker is told to try again, in their thread for mentions and DMs or in the ack for commands.
 * Nobody gets silence, and nobody gets an answer and an apology: when the failed call may have
 * posted the reply all the same (a timeout, a 5xx), nothing more is posted for that question.
 */
export async function replyAfterAck(
  queue: WorkQueue,
  logger: Logger,
  task: ReplyTask,
): Promise<void> {
  const lane = task.lane ?? (task.ack ? "response_url" : "web_api");
  const accepted = queue.push(async () => {
    try {
      await task.reply();
      logger.info(`${task.label}: answered`);
    } catch (error) {
      if (mayHaveLanded(error)) {
        logger.error(
          `${task.label}: failed, and the reply may have been posted all the same: no apology (${describeError(error)})`,
        );
        return;
      }
      logger.error(`${task.label}: failed: ${describeError(error)}`);
      await task
        .notify(ERROR_TEXT)
        .catch((e: unknown) =>
          logger.error(`${task.label}: apology failed too: ${describeError(e)}`),
        );
    }
  }, lane);
  if (accepted) {
    await task.ack?.();
    return;
  }
  logger.warn(`${task.label}: the work queue is full, asked to try again`);
  if (task.ack) {
    await task.ack(BUSY_TEXT);
    return;
  }
  await task
    .notify(BUSY_TEXT)
    .catch((e: unknown) => logger.error(`${task.label}: busy notice failed: ${describeError(e)}`));
}

import type { AllMiddlewareArgs, Logger } from "@slack/bolt";
import { LOADING_MESSAGES, THINKING_STATUS } from "../format/assistant-prompts.js";
import { describeError } from "./deps.js";

type WebClient = AllMiddlewareArgs["client"];

/**
 * Sets an assistant thread's status. A failure is logged and the answer goes on: the status is a
 * courtesy, the answer is the point.
 */
async function setStatus(
  client: WebClient,
  logger: Logger,
  where: { channel: string; threadTs: string },
  status: { text: string; loadingMessages?: readonly string[] },
): Promise<void> {
  const { channel, threadTs } = where;
  try {
    await client.assistant.threads.setStatus({
      channel_id: channel,
      thread_ts: threadTs,
      status: status.text,
      ...(status.loadingMessages ? { loading_messages: [...status.loadingMessages] } : {}),
    });
  } catch (error) {
    const what = status.text === "" ? "Clearing the status" : "Thinking status";
    logger.warn(`${what} in ${channel} thread ${threadTs} failed: ${describeError(error)}`);
  }
}

/**
 * Shows "is reading the articles…" (with rotating loading messages) in an assistant thread while
 * the bot answers. Slack clears it when the bot posts in the thread, or after two minutes.
 */
export function setThinkingStatus(
  client: WebClient,
  logger: Logger,
  channel: string,
  threadTs: string,
): Promise<void> {
  return setStatus(
    client,
    logger,
    { channel, threadTs },
    { text: THINKING_STATUS, loadingMessages: LOADING_MESSAGES },
  );
}

/** Clears the thinking status (an empty status) when no answer will be posted to clear it. */
export function clearThinkingStatus(
  client: WebClient,
  logger: Logger,
  channel: string,
  threadTs: string,
): Promise<void> {
  return setStatus(client, logger, { channel, threadTs }, { text: "" });
}

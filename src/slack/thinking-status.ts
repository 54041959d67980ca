import type { AllMiddlewareArgs, Logger } from "@slack/bolt";
import { LOADING_MESSAGES, THINKING_STATUS } from "../format/assistant-prompts.js";
import { describeError } from "./deps.js";

type WebClient = AllMiddlewareArgs["client"];

/**
 * Shows "is reading the articles…" (with rotating loading messages) in an assistant thread while
 * the bot answers. Slack clears it when the bot posts in the thread, or after two minutes. A
 * failure is logged and the answer goes on: the status is a courtesy, the answer is the point.
 */
export async function setThinkingStatus(
  client: WebClient,
  logger: Logger,
  channel: string,
  threadTs: string,
): Promise<void> {
  try {
    await client.assistant.threads.setStatus({
      channel_id: channel,
      thread_ts: threadTs,
      status: THINKING_STATUS,
      loading_messages: [...LOADING_MESSAGES],
    });
  } catch (error) {
    logger.warn(`Thinking status in ${channel} thread ${threadTs} failed: ${describeError(error)}`);
  }
}

/** Clears the thinking status (an empty status) when no answer will be posted to clear it. */
export async function clearThinkingStatus(
  client: WebClient,
  logger: Logger,
  channel: string,
  threadTs: string,
): Promise<void> {
  try {
    await client.assistant.threads.setStatus({
      channel_id: channel,
      thread_ts: threadTs,
      status: "",
    });
  } catch (error) {
    logger.warn(
      `Clearing the status in ${channel} thread ${threadTs} failed: ${describeError(error)}`,
    );
  }
}

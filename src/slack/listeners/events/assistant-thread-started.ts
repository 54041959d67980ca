import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { SUGGESTED_PROMPTS_TITLE, suggestedPrompts } from "../../../format/assistant-prompts.js";
import { markAssistantThread } from "../../assistant-threads.js";
import type { ListenerDeps } from "../../deps.js";
import { replyAfterAck } from "../../listener-helper.js";

/**
 * Slack opened an assistant thread (the older assistant experience): the thread is noted, so a DM
 * in it gets the thinking status, and gets the suggested prompts, set for that thread (channel and
 * `thread_ts`, which this experience takes).
 */
export function assistantThreadStarted({ queue, state, examples }: ListenerDeps) {
  return async ({
    event,
    client,
    logger,
  }: SlackEventMiddlewareArgs<"assistant_thread_started"> & AllMiddlewareArgs) => {
    const { channel_id: channel, thread_ts: threadTs } = event.assistant_thread;
    await markAssistantThread(state, channel, threadTs).catch(() =>
      logger.warn(`Assistant thread ${channel} ${threadTs} not noted: no thinking status there`),
    );
    const prompts = suggestedPrompts(examples());
    if (prompts.length === 0) return;
    await replyAfterAck(queue, logger, {
      label: `Suggested prompts in ${channel} thread ${threadTs}`,
      reply: () =>
        client.assistant.threads.setSuggestedPrompts({
          channel_id: channel,
          thread_ts: threadTs,
          title: SUGGESTED_PROMPTS_TITLE,
          prompts,
        }),
      notify: async () => {},
    });
  };
}

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { SUGGESTED_PROMPTS_TITLE, suggestedPrompts } from "../../../format/assistant-prompts.js";
import { renderDeskBlocks } from "../../../format/home-desk.js";
import { renderHomeView } from "../../../format/home-view.js";
import type { ListenerDeps } from "../../deps.js";
import { replyAfterAck } from "../../listener-helper.js";

/**
 * The person opened the app. The Home tab gets the home view (what the bot knows, how to ask,
 * examples), published for that person. The Messages tab (the agent view) gets the suggested
 * prompts, set for the DM channel with no `thread_ts`: Slack drops the call silently for an agent
 * app when it carries one. Nothing is published while the index is not ready, or without examples.
 * No question was asked, so a failure or a full queue is logged and nobody is told.
 */
export function appHomeOpened({
  queue,
  examples,
  corpusStats,
  commandName,
  deskStatus,
}: ListenerDeps) {
  return async ({
    event,
    client,
    logger,
  }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab === "home") {
      const stats = corpusStats();
      if (stats === null) {
        logger.info(`Home tab for ${event.user}: not published, the index is not ready`);
        return;
      }
      await replyAfterAck(queue, logger, {
        label: `Home tab for ${event.user}`,
        reply: async () => {
          // The feeds' part is left out, not the whole tab, when the shared state does not answer.
          const desk = deskStatus ? await deskStatus().catch(() => null) : null;
          const extra = desk === null ? [] : renderDeskBlocks(desk);
          return client.views.publish({
            user_id: event.user,
            // The core's block types are its own (no Slack imports); the shapes are Slack's.
            view: renderHomeView(stats, examples(), commandName, extra) as never,
          });
        },
        notify: async () => {},
      });
      return;
    }
    if (event.tab !== "messages") return;
    const prompts = suggestedPrompts(examples());
    if (prompts.length === 0) return;
    await replyAfterAck(queue, logger, {
      label: `Suggested prompts in ${event.channel}`,
      reply: () =>
        // The SDK's types still require thread_ts, which an agent app must not send.
        client.assistant.threads.setSuggestedPrompts({
          channel_id: event.channel,
          title: SUGGESTED_PROMPTS_TITLE,
          prompts,
        } as never),
      notify: async () => {},
    });
  };
}

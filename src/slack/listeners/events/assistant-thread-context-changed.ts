import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";

/**
 * The person moved to another channel with the assistant thread open. The bot answers from its
 * articles whatever channel they look at, so the context is not kept; the listener is here so the
 * event (which Slack sends to every assistant app) is acked and handled on purpose.
 */
export async function assistantThreadContextChanged({
  event,
  logger,
}: SlackEventMiddlewareArgs<"assistant_thread_context_changed"> & AllMiddlewareArgs) {
  logger.debug(
    `Assistant thread ${event.assistant_thread.channel_id} ${event.assistant_thread.thread_ts}: context changed, not used`,
  );
}

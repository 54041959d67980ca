import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";

/**
 * A workflow ran a custom function (`function_executed`): the app defines none, so one arriving is
 * out of step with the code. Bolt leaves these events for the listener to ack (a function may
 * answer late), and without one Slack gets a 404 after 5 s: acked here and logged.
 */
export async function unknownFunction({
  event,
  ack,
  logger,
}: SlackEventMiddlewareArgs<"function_executed"> & AllMiddlewareArgs): Promise<void> {
  logger.warn(`Function ${event.function.callback_id} is not one this app defines: acked`);
  await ack?.();
}

import type { AllMiddlewareArgs, SlackViewAction, SlackViewMiddlewareArgs } from "@slack/bolt";

/**
 * A modal submitted or closed: the app opens none, so one arriving is out of step with the code.
 * Acked at once (an empty ack closes a submitted modal) and logged.
 */
export async function unknownView({
  view,
  body,
  ack,
  logger,
}: SlackViewMiddlewareArgs<SlackViewAction> & AllMiddlewareArgs): Promise<void> {
  logger.warn(`View ${view.callback_id} (${body.type}) is not one this app opens: acked`);
  await ack();
}

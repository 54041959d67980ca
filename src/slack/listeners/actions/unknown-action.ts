import type { AllMiddlewareArgs, SlackAction, SlackActionMiddlewareArgs } from "@slack/bolt";

/** The id of an action in any of Slack's action payloads (block, attachment, dialog). */
function actionId(payload: unknown): string {
  const p = payload as { action_id?: unknown; callback_id?: unknown; name?: unknown };
  return String(p.action_id ?? p.callback_id ?? p.name ?? "unknown");
}

/**
 * Any action the app does not handle (a button of an old message, a link button, an element
 * another version added): acked at once, so Slack shows no error, and logged.
 */
export function unknownAction(known: readonly string[]) {
  return async ({
    payload,
    ack,
    logger,
  }: SlackActionMiddlewareArgs<SlackAction> & AllMiddlewareArgs) => {
    const id = actionId(payload);
    if (known.includes(id)) return;
    logger.info(`Action ${id} is not one this app handles: acked`);
    await ack();
  };
}

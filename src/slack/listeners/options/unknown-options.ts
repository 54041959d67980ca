import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from "@slack/bolt";

/**
 * A select menu asks for its options (`block_suggestion`, or a legacy dialog's
 * `dialog_suggestion`): the app defines no external select, so a request is out of step with the
 * code. Answered at once with no options, so Slack shows an empty menu instead of an error after
 * 3 s, and logged.
 */
export async function unknownOptions({
  body,
  ack,
  logger,
}: SlackOptionsMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  const b = body as { type?: string; action_id?: string; callback_id?: string };
  logger.info(
    `Options for ${b.action_id ?? b.callback_id ?? "unknown"} (${b.type}) are not ones this app offers: acked empty`,
  );
  await ack({ options: [] });
}

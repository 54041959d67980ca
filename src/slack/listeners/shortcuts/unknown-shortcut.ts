import type { AllMiddlewareArgs, SlackShortcutMiddlewareArgs } from "@slack/bolt";

/**
 * A global or message shortcut: the app defines none, so one arriving comes from a manifest that
 * is out of step with the code. Acked at once so Slack shows no error, and logged as a warning.
 */
export async function unknownShortcut({
  shortcut,
  ack,
  logger,
}: SlackShortcutMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  logger.warn(
    `Shortcut ${shortcut.callback_id} (${shortcut.type}) is not defined by this app: acked`,
  );
  await ack();
}

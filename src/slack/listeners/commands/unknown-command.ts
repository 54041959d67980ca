import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { NOT_SUPPORTED_TEXT } from "../../../format/messages.js";

/**
 * Any slash command the app does not define (an old manifest, a renamed command): acked at once
 * with a short ephemeral "not supported", instead of Slack's timeout error after 3 seconds.
 */
export function unknownCommand(known: readonly string[]) {
  return async ({ command, ack, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    if (known.includes(command.command)) return;
    logger.warn(
      `Slash command ${command.command} is not one this app defines: acked as unsupported`,
    );
    await ack({ response_type: "ephemeral", text: NOT_SUPPORTED_TEXT });
  };
}

import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { replyAfterAck } from "../../listener-helper.js";
import { replyFor } from "../../reply-for.js";
import { respondWithRetry } from "../../respond-with-retry.js";

/**
 * The app's slash command (`/syria <question>`, or whatever SLASH_COMMAND names): acks at once,
 * then answers only the asker, with a Share button (and the feedback buttons, which work on an
 * ephemeral reply too). The answer is queued behind the ack, so a busy bot still acks within
 * Slack's 3 seconds. Help names the command the request came with.
 */
export function askCommand({ ask, queue, feedback }: ListenerDeps) {
  return async ({
    command,
    ack,
    respond,
    logger,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await replyAfterAck(queue, logger, {
      label: `${command.command} for ${command.user_id} in ${command.channel_id}`,
      reply: () =>
        respondWithRetry(respond, {
          response_type: "ephemeral",
          ...replyFor(command.text, ask, {
            commandName: command.command,
            shareable: true,
            feedback: feedback !== null,
          }).message,
        }),
      notify: (text) => respond({ response_type: "ephemeral", text }),
      ack: (busyText) =>
        busyText === undefined ? ack() : ack({ response_type: "ephemeral", text: busyText }),
    });
  };
}

import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { replyAfterAck } from "../../listener-helper.js";
import { replyFor } from "../../reply-for.js";
import { respondWithRetry } from "../../respond-with-retry.js";

export const SYRIA_COMMAND = "/syria";

/**
 * `/syria <question>`: acks at once, then answers only the asker, with a Share button (and the
 * feedback buttons, which work on an ephemeral reply too). The answer
 * is queued behind the ack, so a busy bot still acks within Slack's 3 seconds.
 */
export function syriaCommand({ answer, queue, feedback }: ListenerDeps) {
  return async ({
    command,
    ack,
    respond,
    logger,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await replyAfterAck(queue, logger, {
      label: `${SYRIA_COMMAND} for ${command.user_id} in ${command.channel_id}`,
      reply: () =>
        respondWithRetry(respond, {
          response_type: "ephemeral",
          ...replyFor(command.text, answer, { shareable: true, feedback: feedback !== null })
            .message,
        }),
      notify: (text) => respond({ response_type: "ephemeral", text }),
      ack: (busyText) =>
        busyText === undefined ? ack() : ack({ response_type: "ephemeral", text: busyText }),
    });
  };
}

import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { isDeskRequest } from "../../../requests/desk-request.js";
import { routeRequest } from "../../../requests/route-request.js";
import type { ListenerDeps } from "../../deps.js";
import { replyAfterAck } from "../../listener-helper.js";
import { replyFor } from "../../reply-for.js";
import { respondOnce } from "../../respond-once.js";
import { deskCommand } from "./desk-command.js";

/**
 * The app's slash command (`/syria <question>`, or whatever SLASH_COMMAND names): acks at once,
 * then answers only the asker, with a Share button (and the feedback buttons, which work on an
 * ephemeral reply too). The answer is queued behind the ack, so a busy bot still acks within
 * Slack's 3 seconds. Help names the command the request came with.
 */
export function askCommand(deps: ListenerDeps) {
  const { ask, queue, feedback } = deps;
  return async (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const { command, ack, respond, logger } = args;
    const routed = routeRequest(command.text);
    if (isDeskRequest(routed)) {
      await deskCommand(deps, routed, args);
      return;
    }
    await replyAfterAck(queue, logger, {
      label: `${command.command} for ${command.user_id} in ${command.channel_id}`,
      reply: async () => {
        const { message } = await replyFor(command.text, ask, {
          commandName: command.command,
          shareable: true,
          feedback: feedback !== null,
        });
        await respondOnce(respond, { response_type: "ephemeral", ...message });
      },
      notify: (text) => respond({ response_type: "ephemeral", text }),
      ack: (busyText) =>
        busyText === undefined ? ack() : ack({ response_type: "ephemeral", text: busyText }),
    });
  };
}

import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { renderDeskMessage } from "../../../format/desk-blocks.js";
import { ADD_UNAVAILABLE_TEXT, addingText } from "../../../format/desk-text.js";
import type { DeskRequest } from "../../../requests/desk-request.js";
import type { ListenerDeps } from "../../deps.js";
import { replyAfterAck } from "../../listener-helper.js";
import { respondOnce } from "../../respond-once.js";

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/syria add <link>`, `/syria follow`, `/syria unfollow`: acked at once, answered only to the
 * person who typed it. A refused `add` is said in the ack, before anything is fetched; an allowed
 * one acks "Fetching…" and answers with what was added, or why not, once the page is in.
 */
export async function deskCommand(
  { desk, queue }: ListenerDeps,
  request: DeskRequest,
  { command, ack, respond, logger }: CommandArgs,
): Promise<void> {
  const ephemeral = (text: string) => ({
    response_type: "ephemeral" as const,
    ...renderDeskMessage(text),
  });
  if (desk === null || desk === undefined) {
    await ack(ephemeral(ADD_UNAVAILABLE_TEXT));
    return;
  }
  const caller = {
    userId: command.user_id,
    teamId: command.team_id,
    channelId: command.channel_id,
  };
  const name = command.command;
  if (request.kind === "add") {
    const refused = desk.refusal(caller.userId);
    if (refused !== null || request.url === null) {
      logger.info(`${name} add by ${caller.userId}: refused before fetching`);
      await ack(ephemeral(await desk.add(request.url, caller, name)));
      return;
    }
  }
  const run = (): Promise<string> => {
    switch (request.kind) {
      case "add":
        return desk.add(request.url, caller, name);
      case "follow":
        return desk.follow(caller, name);
      case "unfollow":
        return desk.unfollow(caller, name);
    }
  };
  await replyAfterAck(queue, logger, {
    label: `${name} ${request.kind} for ${caller.userId} in ${caller.channelId}`,
    reply: async () => respondOnce(respond, ephemeral(await run())),
    notify: (text) => respond({ response_type: "ephemeral", text }),
    ack: (busyText) => {
      if (busyText !== undefined) return ack({ response_type: "ephemeral", text: busyText });
      return request.kind === "add" && request.url !== null
        ? ack(ephemeral(addingText(request.url)))
        : ack();
    },
  });
}

import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { voteWorkspaceId } from "../../../feedback/vote-workspace.js";
import { CHOICE_THANKS_TEXT, parseChoiceAction } from "../../../format/passage-choice.js";
import type { ListenerDeps } from "../../deps.js";
import { replyAfterAck } from "../../listener-helper.js";
import { respondWithRetry } from "../../respond-with-retry.js";

/**
 * A click on "This one answers it" beside a passage of a tentative answer: acked at once, then
 * recorded in the vote log as an up vote on that one passage, and thanked only to the clicker.
 * Nothing is posted for the channel and the answer is left as it is.
 */
export function choosePassage({ queue, feedback }: ListenerDeps) {
  return async ({
    ack,
    body,
    respond,
    client,
    context,
    logger,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const choice = parseChoiceAction(body);
    const label = `Passage choice by ${body.user.id} in ${body.channel?.id ?? body.container?.channel_id ?? "unknown channel"}`;
    if (choice === null) {
      logger.warn(`${label}: not a choice this app wrote (bad or foreign button value), ignored`);
      return;
    }
    if (feedback === null) {
      logger.warn(`${label}: no vote log configured, choice not recorded`);
      return;
    }
    const tell = (text: string) =>
      body.response_url
        ? respondWithRetry(respond, { response_type: "ephemeral", replace_original: false, text })
        : client.chat.postEphemeral({ channel: choice.channel, user: body.user.id, text });
    await replyAfterAck(queue, logger, {
      label,
      reply: async () => {
        await feedback.record({ ...choice, workspace: voteWorkspaceId(context) });
        await tell(CHOICE_THANKS_TEXT);
      },
      notify: tell,
    });
  };
}

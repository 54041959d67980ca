import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { voteWorkspaceId } from "../../../feedback/vote-workspace.js";
import { FEEDBACK_THANKS_TEXT, parseFeedbackAction } from "../../../format/feedback-blocks.js";
import type { ListenerDeps } from "../../deps.js";
import { replyAfterAck } from "../../listener-helper.js";
import { respondWithRetry } from "../../respond-with-retry.js";

/**
 * A click on an answer's feedback buttons: acked at once, then recorded in the vote log and
 * thanked with a message only the voter sees. Everything the vote needs is in the button's value,
 * so a click on an answer posted before a restart records in full. The same person voting again
 * on the same answer appends a second line; readers keep the last (`latestVotes`).
 */
export function feedbackVote({ queue, feedback }: ListenerDeps) {
  return async ({
    ack,
    body,
    respond,
    client,
    context,
    logger,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const vote = parseFeedbackAction(body);
    const label = `Feedback by ${body.user.id} in ${body.channel?.id ?? body.container?.channel_id ?? "unknown channel"}`;
    if (vote === null) {
      logger.warn(`${label}: not a vote this app wrote (bad or foreign button value), ignored`);
      return;
    }
    if (feedback === null) {
      logger.warn(`${label}: no vote log configured, vote not recorded`);
      return;
    }
    // The thanks goes where only the voter sees it: through response_url when Slack gave one (it
    // works where the bot is not a member, as for a slash command's reply), else as an ephemeral.
    const tell = (text: string) =>
      body.response_url
        ? respondWithRetry(respond, { response_type: "ephemeral", replace_original: false, text })
        : client.chat.postEphemeral({ channel: vote.channel, user: body.user.id, text });
    await replyAfterAck(queue, logger, {
      label,
      lane: body.response_url ? "response_url" : "web_api",
      reply: async () => {
        await feedback.record({ ...vote, workspace: voteWorkspaceId(context) });
        await tell(FEEDBACK_THANKS_TEXT);
      },
      notify: tell,
    });
  };
}

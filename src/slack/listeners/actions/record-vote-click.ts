import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { VoteInput } from "../../../feedback/feedback-log.js";
import { voteWorkspaceId } from "../../../feedback/vote-workspace.js";
import type { ListenerDeps } from "../../deps.js";
import { replyAfterAck } from "../../listener-helper.js";
import { respondOnce } from "../../respond-once.js";

/** What tells one kind of vote button apart: how its value is read, and what the clicker is told. */
export interface VoteClick {
  /** "Feedback", "Passage choice": the start of each log line. */
  name: string;
  /** The vote a click carries, or null for a value this app did not write. */
  parse: (body: BlockAction) => VoteInput | null;
  /** The thanks only the clicker sees. */
  thanks: string;
}

/**
 * A click on a vote button (an answer's 👍/👎, or "This one answers it"): acked at once, then
 * recorded in the vote log under the request's workspace and thanked where only the clicker sees
 * it. Everything the vote needs is in the button's value, so a click on an answer posted before a
 * restart records in full.
 */
export function recordVoteClick({ queue, feedback }: ListenerDeps, kind: VoteClick) {
  return async ({
    ack,
    body,
    respond,
    client,
    context,
    logger,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const vote = kind.parse(body);
    const label = `${kind.name} by ${body.user.id} in ${body.channel?.id ?? body.container?.channel_id ?? "unknown channel"}`;
    if (vote === null) {
      logger.warn(`${label}: not a vote this app wrote (bad or foreign button value), ignored`);
      return;
    }
    if (feedback === null) {
      logger.warn(`${label}: no vote log configured, not recorded`);
      return;
    }
    // The thanks goes where only the voter sees it: through response_url when Slack gave one (it
    // works where the bot is not a member, as for a slash command's reply), else as an ephemeral.
    const tell = (text: string) =>
      body.response_url
        ? respondOnce(respond, { response_type: "ephemeral", replace_original: false, text })
        : client.chat.postEphemeral({ channel: vote.channel, user: body.user.id, text });
    await replyAfterAck(queue, logger, {
      label,
      lane: body.response_url ? "response_url" : "web_api",
      reply: async () => {
        await feedback.record({ ...vote, workspace: voteWorkspaceId(context) });
        await tell(kind.thanks);
      },
      notify: tell,
    });
  };
}

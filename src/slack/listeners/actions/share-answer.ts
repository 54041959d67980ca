import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { claimOnce } from "../../event-claims.js";
import { replyAfterAck } from "../../listener-helper.js";
import { SHARE_CLAIM_TTL_SECONDS, shareClaimKey, shareClickOf } from "../../payloads/claim-keys.js";
import { replyFor } from "../../reply-for.js";
import { respondOnce } from "../../respond-once.js";

/**
 * "Share in channel": posts the same answer for everyone, naming who shared it, with feedback
 * buttons (a new answer id: votes on the shared post are its own), then removes the
 * reply only the asker saw. The answer is found again from the question in the button: the same
 * question over the same corpus gives the same answer. A second click on the same button (before
 * the ephemeral reply is gone) posts nothing more.
 */
export function shareAnswer({ ask, commandName, queue, state, feedback }: ListenerDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
    logger,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const channelId = body.channel?.id ?? body.container?.channel_id ?? "";
    const label = `Share by ${body.user.id} in ${channelId || "unknown channel"}`;
    // A click without its message's ids cannot be told from another: it is shared unclaimed.
    const click = shareClickOf(body);
    const key = click === null ? null : shareClaimKey(click);
    if (key !== null && !(await claimOnce(state, key, logger, SHARE_CLAIM_TTL_SECONDS))) {
      logger.info(`${label}: a second click on the same button, not posted again`);
      return;
    }
    await replyAfterAck(queue, logger, {
      label,
      lane: "response_url",
      reply: async () => {
        const { message } = await replyFor(action.value, ask, {
          commandName,
          sharedBy: body.user.id,
          feedback: feedback !== null,
        });
        await respondOnce(respond, {
          response_type: "in_channel",
          replace_original: false,
          ...message,
        });
        await respondOnce(respond, { delete_original: true });
      },
      notify: (text) => respond({ response_type: "ephemeral", replace_original: false, text }),
    });
  };
}

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { messageClaimKey } from "../../../state/claim-keys.js";
import type { ListenerDeps } from "../../deps.js";
import { claimOnce } from "../../event-claims.js";
import { replyAfterAck } from "../../listener-helper.js";
import { replyFor } from "../../reply-for.js";
import { sentByBot } from "../../sent-by-bot.js";

/**
 * Message subtypes a person sends when asking: a plain message, or one with a file attached (a
 * screenshot and a question: the text is answered, the file ignored). Edits, deletions, joins and
 * the rest are not questions.
 */
const QUESTION_SUBTYPES: ReadonlySet<string | undefined> = new Set([undefined, "file_share"]);

/** The fields of a DM this listener reads; Bolt's union of message types hides them. */
interface DirectMessageFields {
  channel: string;
  channel_type?: string;
  subtype?: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  user?: string;
  bot_id?: string;
  bot_profile?: unknown;
}

/**
 * A direct message to the bot: answered in the DM, in the thread when it was sent in one. Anything
 * a bot posted (this one included) is ignored.
 */
export function directMessage({ answer, queue, state }: ListenerDeps) {
  return async ({
    message,
    say,
    logger,
    context,
  }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    const dm = message as unknown as DirectMessageFields;
    if (dm.channel_type !== "im" || !QUESTION_SUBTYPES.has(dm.subtype)) return;
    if (sentByBot(dm, context?.botUserId)) return;
    const key = messageClaimKey(dm);
    if (key !== null && !(await claimOnce(state, key, logger))) return;
    const thread = dm.thread_ts === undefined ? {} : { thread_ts: dm.thread_ts };
    await replyAfterAck(queue, logger, {
      label: `DM in ${dm.channel}${dm.thread_ts ? ` thread ${dm.thread_ts}` : ""}`,
      reply: () => say({ ...replyFor(dm.text, answer), ...thread }),
      notify: (text) => say({ text, ...thread }),
    });
  };
}

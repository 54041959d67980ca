import type { WebClient } from "@slack/web-api";
import { renderDigestMessage } from "../format/desk-blocks.js";
import type { FollowRecord } from "../live/follows.js";
import type { Digest } from "../news/digest.js";

/**
 * Posts digests with the following workspace's own Web API client (`clientFor`: the one token, or
 * the installation's in OAuth mode): its fetch gives each call a deadline and retries only a post
 * that surely never left, so a digest is never posted twice by a retry. The race is a backstop:
 * the call is given up (not retried) past `deadlineMs` whatever the client does. A workspace that
 * is no longer installed gets no call: its token is dead.
 */
export function digestPoster(
  clientFor: (teamId: string) => Promise<WebClient | null>,
  commandName: string,
  deadlineMs: number,
) {
  return async (follow: FollowRecord, digest: Digest): Promise<void> => {
    const client = await clientFor(follow.teamId);
    if (client === null) throw new Error(`workspace ${follow.teamId} is not installed`);
    const message = renderDigestMessage(digest, commandName);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
    });
    try {
      await Promise.race([
        client.chat.postMessage({
          channel: follow.channelId,
          text: message.text,
          // The core's block types are its own (no Slack imports); the shapes are Slack's.
          blocks: message.blocks as never,
          unfurl_links: false,
          unfurl_media: false,
        }),
        deadline,
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
}

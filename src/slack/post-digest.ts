import type { App } from "@slack/bolt";
import { renderDigestMessage } from "../format/desk-blocks.js";
import type { FollowRecord } from "../live/follows.js";
import type { Digest } from "../news/digest.js";

/**
 * Posts digests with the app's Web API client: its fetch gives each call a deadline and retries
 * only a post that surely never left, so a digest is never posted twice by a retry. The race is a
 * backstop: the call is given up (not retried) past `deadlineMs` whatever the client does.
 */
export function digestPoster(client: App["client"], commandName: string, deadlineMs: number) {
  return async (follow: FollowRecord, digest: Digest): Promise<void> => {
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

import type { types } from "@slack/bolt";
import type { SlackMessage } from "../format/blocks.js";

/** The core's message, typed as Bolt's client expects it. The shapes are the same. */
export function toSlackMessage(message: SlackMessage): {
  text: string;
  blocks: types.KnownBlock[];
} {
  return { text: message.text, blocks: message.blocks as types.KnownBlock[] };
}

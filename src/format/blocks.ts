// The few Block Kit shapes the bot sends, typed here so the core needs nothing from Slack's SDK.

import type { ContextActionsBlock } from "./feedback-blocks.js";

export interface TextObject {
  type: "mrkdwn" | "plain_text";
  text: string;
  emoji?: boolean;
}

export type Block =
  | { type: "section"; text: TextObject }
  | { type: "context"; elements: TextObject[] }
  | { type: "divider" }
  | {
      type: "actions";
      block_id?: string;
      elements: {
        type: "button";
        action_id: string;
        text: TextObject;
        value: string;
        style?: "primary" | "danger";
      }[];
    }
  // Feedback buttons under an answer (feedback-blocks.ts).
  | ContextActionsBlock;

/** A message: Block Kit blocks and the plain `text` Slack shows in notifications and to screen readers. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

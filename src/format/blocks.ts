// The few Block Kit shapes the bot sends, typed here so the core needs nothing from Slack's SDK.

import type { ContextActionsBlock } from "./feedback-blocks.js";

export interface TextObject {
  type: "mrkdwn" | "plain_text";
  text: string;
  emoji?: boolean;
}

/** A button, in an actions block or beside a section's text. */
export interface Button {
  type: "button";
  action_id: string;
  text: TextObject;
  value: string;
  style?: "primary" | "danger";
}

export type Block =
  | { type: "section"; text: TextObject; accessory?: Button }
  | { type: "context"; elements: TextObject[] }
  | { type: "divider" }
  | {
      type: "actions";
      block_id?: string;
      elements: Button[];
    }
  // Feedback buttons under an answer (feedback-blocks.ts).
  | ContextActionsBlock;

/** A message: Block Kit blocks and the plain `text` Slack shows in notifications and to screen readers. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

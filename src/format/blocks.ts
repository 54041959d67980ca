// The few Block Kit shapes the bot sends, typed here so the core needs nothing from Slack's SDK.

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

/** One of the two buttons of a feedback buttons element. */
export interface FeedbackButton {
  text: TextObject;
  value: string;
  accessibility_label: string;
}

/** Slack's feedback buttons element: a thumbs up and a thumbs down in one element. */
export interface FeedbackButtonsElement {
  type: "feedback_buttons";
  action_id: string;
  positive_button: FeedbackButton;
  negative_button: FeedbackButton;
}

/** Slack's context actions block, which holds feedback buttons under an AI app's reply. */
export interface ContextActionsBlock {
  type: "context_actions";
  block_id?: string;
  elements: FeedbackButtonsElement[];
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
  // Feedback buttons under an answer (built in feedback-blocks.ts).
  | ContextActionsBlock;

/** A message: Block Kit blocks and the plain `text` Slack shows in notifications and to screen readers. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

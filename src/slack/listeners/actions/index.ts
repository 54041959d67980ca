import type { App } from "@slack/bolt";
import { FEEDBACK_ACTION_ID } from "../../../format/feedback-blocks.js";
import { SHARE_ACTION_ID } from "../../../format/render-answer-blocks.js";
import type { ListenerDeps } from "../../deps.js";
import { feedbackVote } from "./feedback-vote.js";
import { shareAnswer } from "./share-answer.js";
import { unknownAction } from "./unknown-action.js";

/** The action ids the app handles; every other action is acked and logged. */
export const ACTION_IDS = [SHARE_ACTION_ID, FEEDBACK_ACTION_ID] as const;

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(SHARE_ACTION_ID, shareAnswer(deps));
  app.action(FEEDBACK_ACTION_ID, feedbackVote(deps));
  app.action(/.*/, unknownAction(ACTION_IDS));
  // Legacy attachment buttons and dialogs carry a callback_id instead of an action_id.
  app.action({ callback_id: /.*/ }, unknownAction([]));
}

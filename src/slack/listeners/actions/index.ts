import type { App } from "@slack/bolt";
import { FEEDBACK_ACTION_ID } from "../../../format/feedback-blocks.js";
import { CHOOSE_PASSAGE_ACTION_ID } from "../../../format/passage-choice.js";
import { SHARE_ACTION_ID } from "../../../format/render-answer-blocks.js";
import type { ListenerDeps } from "../../deps.js";
import { choosePassage } from "./choose-passage.js";
import { feedbackVote } from "./feedback-vote.js";
import { shareAnswer } from "./share-answer.js";
import { unknownAction } from "./unknown-action.js";

/** The action ids the app handles; every other action is acked and logged. */
export const ACTION_IDS = [SHARE_ACTION_ID, FEEDBACK_ACTION_ID, CHOOSE_PASSAGE_ACTION_ID] as const;

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(SHARE_ACTION_ID, shareAnswer(deps));
  app.action(FEEDBACK_ACTION_ID, feedbackVote(deps));
  app.action(CHOOSE_PASSAGE_ACTION_ID, choosePassage(deps));
  app.action(/.*/, unknownAction(ACTION_IDS));
  // Legacy attachment buttons and dialogs carry a callback_id instead of an action_id. Matched by
  // type, not by a callback_id pattern: that would match every block action in a view (its view's
  // callback_id, "" in the App Home) and ack it a second time.
  app.action({ type: "interactive_message" }, unknownAction([]));
  app.action({ type: "dialog_submission" }, unknownAction([]));
}

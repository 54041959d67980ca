import { FEEDBACK_THANKS_TEXT } from "../../../format/feedback-blocks.js";
import type { ListenerDeps } from "../../deps.js";
import { parseFeedbackAction } from "../../payloads/feedback-action.js";
import { recordVoteClick } from "./record-vote-click.js";

/**
 * A click on an answer's feedback buttons, recorded and thanked as every vote click is
 * (`recordVoteClick`). The same person voting again on the same answer appends a second line;
 * readers keep the last (`latestVotes`).
 */
export function feedbackVote(deps: ListenerDeps) {
  return recordVoteClick(deps, {
    name: "Feedback",
    parse: parseFeedbackAction,
    thanks: FEEDBACK_THANKS_TEXT,
  });
}

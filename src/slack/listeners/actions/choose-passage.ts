import { CHOICE_THANKS_TEXT } from "../../../format/passage-choice.js";
import type { ListenerDeps } from "../../deps.js";
import { parseChoiceAction } from "../../payloads/choice-action.js";
import { recordVoteClick } from "./record-vote-click.js";

/**
 * A click on "This one answers it" beside a passage of a tentative answer: recorded as an up vote
 * on that one passage and thanked only to the clicker (`recordVoteClick`). Nothing is posted for
 * the channel and the answer is left as it is.
 */
export function choosePassage(deps: ListenerDeps) {
  return recordVoteClick(deps, {
    name: "Passage choice",
    parse: parseChoiceAction,
    thanks: CHOICE_THANKS_TEXT,
  });
}

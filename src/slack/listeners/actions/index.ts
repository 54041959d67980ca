import type { App } from "@slack/bolt";
import { SHARE_ACTION_ID } from "../../../format/render-answer-blocks.js";
import type { ListenerDeps } from "../../deps.js";
import { shareAnswer } from "./share-answer.js";

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(SHARE_ACTION_ID, shareAnswer(deps));
}

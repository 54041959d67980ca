import type { App } from "@slack/bolt";
import { unknownOptions } from "./unknown-options.js";

export function registerOptions(app: App): void {
  // One listener per request type: an action_id and a callback_id pattern would both match a menu
  // in a modal (its view has a callback_id) and ack it twice.
  app.options({ type: "block_suggestion" }, unknownOptions);
  app.options({ type: "dialog_suggestion" }, unknownOptions);
}

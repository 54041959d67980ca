import type { App } from "@slack/bolt";
import { unknownView } from "./unknown-view.js";

export function registerViews(app: App): void {
  app.view({ callback_id: /.*/, type: "view_submission" }, unknownView);
  app.view({ callback_id: /.*/, type: "view_closed" }, unknownView);
}

import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { directMessage } from "./direct-message.js";
import { threadFollowUp } from "./thread-follow-up.js";

export function registerMessages(app: App, deps: ListenerDeps): void {
  app.message(directMessage(deps));
  app.message(threadFollowUp(deps));
}

import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { appMention } from "./app-mention.js";

export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event("app_mention", appMention(deps));
}

import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../deps.js";
import { registerActions } from "./actions/index.js";
import { registerCommands } from "./commands/index.js";
import { registerEvents } from "./events/index.js";
import { registerMessages } from "./messages/index.js";
import { registerOptions } from "./options/index.js";
import { registerShortcuts } from "./shortcuts/index.js";
import { registerViews } from "./views/index.js";

/** The bot events the listeners need; manifest.yml must subscribe to exactly these. */
export const BOT_EVENTS = [
  "app_home_opened",
  "app_mention",
  "app_uninstalled",
  "assistant_thread_context_changed",
  "assistant_thread_started",
  "message.channels",
  "message.groups",
  "message.im",
  "message.mpim",
  "tokens_revoked",
] as const;

export function registerListeners(app: App, deps: ListenerDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerMessages(app, deps);
  registerActions(app, deps);
  registerShortcuts(app);
  registerViews(app);
  registerOptions(app);
}

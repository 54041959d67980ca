import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { appHomeOpened } from "./app-home-opened.js";
import { appLifecycle } from "./app-lifecycle.js";
import { appMention } from "./app-mention.js";
import { assistantThreadContextChanged } from "./assistant-thread-context-changed.js";
import { assistantThreadStarted } from "./assistant-thread-started.js";
import { unknownFunction } from "./unknown-function.js";

export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event("app_mention", appMention(deps));
  app.event("app_home_opened", appHomeOpened(deps));
  app.event("assistant_thread_started", assistantThreadStarted(deps));
  app.event("assistant_thread_context_changed", assistantThreadContextChanged);
  app.event("app_uninstalled", appLifecycle(deps));
  app.event("tokens_revoked", appLifecycle(deps));
  app.event("function_executed", unknownFunction);
}

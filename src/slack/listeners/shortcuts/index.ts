import type { App } from "@slack/bolt";
import { unknownShortcut } from "./unknown-shortcut.js";

export function registerShortcuts(app: App): void {
  app.shortcut(/.*/, unknownShortcut);
}

import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { SYRIA_COMMAND, syriaCommand } from "./syria-command.js";
import { unknownCommand } from "./unknown-command.js";

export const SLASH_COMMANDS = [SYRIA_COMMAND] as const;

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command(SYRIA_COMMAND, syriaCommand(deps));
  app.command(/.*/, unknownCommand(SLASH_COMMANDS));
}

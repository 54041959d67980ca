import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { askCommand } from "./ask-command.js";
import { unknownCommand } from "./unknown-command.js";

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command(deps.commandName, askCommand(deps));
  app.command(/.*/, unknownCommand([deps.commandName]));
}

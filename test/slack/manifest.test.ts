import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BOT_EVENTS, SLASH_COMMANDS } from "../../src/slack/listeners/index.js";

// manifest.yml is what a user pastes into Slack; the listeners are what the bot handles. They
// must say the same thing, or Slack sends events nobody answers, or never sends ones we expect.

const manifest = parse(await readFile("manifest.yml", "utf8"));

describe("manifest.yml", () => {
  it("declares exactly the slash commands the bot registers, with description and usage hint", () => {
    const commands = manifest.features.slash_commands;
    expect(commands.map((c: { command: string }) => c.command)).toEqual([...SLASH_COMMANDS]);
    for (const command of commands) {
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(2000);
      expect(command.usage_hint.length).toBeGreaterThan(0);
    }
  });

  it("subscribes to exactly the bot events the listeners handle", () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...BOT_EVENTS].sort(),
    );
  });

  it("asks for the scopes it needs and no more", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ["app_mentions:read", "chat:write", "commands", "im:history"].sort(),
    );
  });

  it("has a bot user, DMs, interactivity and Socket Mode on", () => {
    expect(manifest.display_information.name).toBeTruthy();
    expect(manifest.features.bot_user.display_name).toBeTruthy();
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});

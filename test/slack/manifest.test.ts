import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { DEFAULTS } from "../../src/config.js";
import { BOT_SCOPES } from "../../src/install/bot-scopes.js";
import { REDIRECT_PATH } from "../../src/install/oauth-routes.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { BOT_EVENTS } from "../../src/slack/listeners/index.js";
import { EVENTS_PATH } from "../../src/slack/transport/http-receiver.js";

// manifest.yml (Socket Mode) and manifest.http.yml (HTTP) are what a user pastes into Slack; the
// listeners are what the bot handles. They must say the same thing, or Slack sends events nobody
// answers, or never sends ones we expect.

// biome-ignore lint/suspicious/noExplicitAny: a parsed manifest is checked field by field below.
type Manifest = any;

const socket: Manifest = parse(await readFile("manifest.yml", "utf8"));
const http: Manifest = parse(await readFile("manifest.http.yml", "utf8"));
const manifests = [
  ["manifest.yml", socket],
  ["manifest.http.yml", http],
] as const;

const SCOPES = [
  "app_mentions:read",
  "assistant:write",
  "channels:history",
  "chat:write",
  "commands",
  "groups:history",
  "im:history",
  "mpim:history",
];

it("an OAuth install asks for the same bot scopes as the manifests", () => {
  expect([...BOT_SCOPES].sort()).toEqual([...SCOPES].sort());
});

const SCHEMA = "../shared/slack/manifest.schema.1.0.0.json";

describe.each(manifests)("%s", (_name, manifest) => {
  it("declares exactly the slash command the bot registers by default, with description and usage hint", () => {
    const commands = manifest.features.slash_commands;
    expect(commands.map((c: { command: string }) => c.command)).toEqual([DEFAULTS.slashCommand]);
    for (const command of commands) {
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(2000);
      expect(command.usage_hint.length).toBeGreaterThan(0);
    }
  });

  it("subscribes to exactly the bot events the listeners handle", () => {
    const events: string[] = manifest.settings.event_subscriptions.bot_events;
    expect(new Set(events).size).toBe(events.length);
    expect([...events].sort()).toEqual([...BOT_EVENTS].sort());
  });

  it("asks for the scopes it needs and no more", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...SCOPES].sort());
  });

  it("subscribes to app_uninstalled and tokens_revoked, and allows org-wide installs", () => {
    const events: string[] = manifest.settings.event_subscriptions.bot_events;
    expect(events).toEqual(expect.arrayContaining(["app_uninstalled", "tokens_revoked"]));
    expect(manifest.settings.org_deploy_enabled).toBe(true);
  });

  it("has a bot user, DMs, the Home tab and interactivity on", () => {
    expect(manifest.display_information.name).toBeTruthy();
    expect(manifest.features.bot_user.display_name).toBeTruthy();
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("declares the agent view with a description and up to four suggested prompts", () => {
    const agent = manifest.features.agent_view;
    expect(agent.agent_description.length).toBeGreaterThan(0);
    expect(agent.agent_description.length).toBeLessThanOrEqual(300);
    expect(agent.suggested_prompts.length).toBeGreaterThan(0);
    expect(agent.suggested_prompts.length).toBeLessThanOrEqual(4);
    for (const prompt of agent.suggested_prompts) {
      expect(Object.keys(prompt).sort()).toEqual(["message", "title"]);
      expect(prompt.title.trim().length).toBeGreaterThan(0);
      expect(prompt.message.trim().length).toBeGreaterThan(0);
    }
  });

  it.skipIf(!existsSync(SCHEMA))("validates against Slack's manifest schema", async () => {
    const schema = JSON.parse(await readFile(SCHEMA, "utf8"));
    // strict: false, since the schema uses a keyword of Slack's own (`regex`) and formats.
    const validate = new Ajv({ strict: false, allErrors: true, logger: false }).compile(schema);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});

describe("the two manifests", () => {
  it("Socket Mode on in manifest.yml, off in manifest.http.yml", () => {
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(http.settings.socket_mode_enabled).toBe(false);
  });

  it("manifest.http.yml sends commands, events and clicks to the bot's events path", () => {
    const url = `https://YOUR-HOST${EVENTS_PATH}`;
    expect(http.settings.event_subscriptions.request_url).toBe(url);
    expect(http.settings.interactivity.request_url).toBe(url);
    for (const command of http.features.slash_commands) expect(command.url).toBe(url);
  });

  it("manifest.http.yml sends installers back to the bot's OAuth redirect path", () => {
    expect(http.oauth_config.redirect_urls).toEqual([`https://YOUR-HOST${REDIRECT_PATH}`]);
  });

  it("are the same app apart from the transport", () => {
    const withoutTransport = (m: Manifest) => {
      const copy = structuredClone(m);
      delete copy.oauth_config.redirect_urls;
      delete copy.settings.socket_mode_enabled;
      delete copy.settings.event_subscriptions.request_url;
      delete copy.settings.interactivity.request_url;
      for (const command of copy.features.slash_commands) delete command.url;
      return copy;
    };
    expect(withoutTransport(http)).toEqual(withoutTransport(socket));
  });
});

describe("the Slack CLI's get-manifest hook", () => {
  it("prints manifest.yml, as JSON", async () => {
    const hooks = JSON.parse(await readFile(".slack/hooks.json", "utf8"));
    const [command, ...args] = (hooks.hooks["get-manifest"] as string).split(" ");
    const printed = execFileSync(command as string, args, { encoding: "utf8", timeout: 60_000 });
    expect(JSON.parse(printed)).toEqual(socket);
  }, 60_000);

  it("starts the bot for `slack run`, which gives it SLACK_APP_TOKEN: Socket Mode", async () => {
    const hooks = JSON.parse(await readFile(".slack/hooks.json", "utf8"));
    expect(hooks.hooks.start).toBe("npm run dev");
    expect(hooks.config["sdk-managed-connection-enabled"]).toBe(true);
  });
});

describe("the agent view's suggested prompts", () => {
  // The prompts are static text in the manifest: this keeps them from going stale when the corpus
  // changes. An answer is confident when it says so (a `confidence` field, where the answer has
  // one), else when it has results: answerQuestion shows nothing it is not sure of.
  it("are each answered confidently from the articles", async () => {
    const index = await buildIndexFromCorpus("corpus");
    for (const { message } of socket.features.agent_view.suggested_prompts) {
      const answer = answerQuestion(index, message) as ReturnType<typeof answerQuestion> & {
        confidence?: unknown;
      };
      const confident =
        "confidence" in answer && answer.confidence !== undefined
          ? isConfident(answer.confidence)
          : answer.items.length > 0;
      expect({ message, confident }).toEqual({ message, confident: true });
    }
  });
});

/** A confidence label or score that stands for a confident answer. */
function isConfident(confidence: unknown): boolean {
  if (typeof confidence === "number") return confidence >= 0.5;
  if (typeof confidence === "string") return /^(high|confident|medium)$/i.test(confidence);
  if (typeof confidence === "boolean") return confidence;
  return false;
}

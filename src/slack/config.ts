import { DEFAULT_INDEX_FILE } from "../search/prebuilt-index.js";

/** Everything the bot reads from its environment, checked. */
export interface BotConfig {
  botToken: string;
  mode: "socket" | "http";
  appToken: string | null;
  signingSecret: string | null;
  port: number;
  slackApiUrl: string | null;
  corpusDir: string;
  /** The prebuilt index `npm run index` writes; used when newer than the corpus. */
  indexFile: string;
  logLevel: "debug" | "info" | "warn" | "error";
}

/** One or more settings are missing or malformed. The message names each, never its value. */
export class ConfigError extends Error {
  readonly code = "CONFIG_INVALID";
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Config: cannot start:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;

/**
 * Reads and checks the bot's settings. Socket Mode when SLACK_APP_TOKEN is set, HTTP mode
 * otherwise. Throws ConfigError naming every missing or malformed variable.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): BotConfig {
  const problems: string[] = [];
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === "" ? null : raw;
  };

  const botToken = value("SLACK_BOT_TOKEN");
  if (botToken === null) problems.push("SLACK_BOT_TOKEN is missing (the bot token, xoxb-…)");
  else if (!botToken.startsWith("xoxb-")) problems.push("SLACK_BOT_TOKEN must start with xoxb-");

  const appToken = value("SLACK_APP_TOKEN");
  const mode = appToken === null ? "http" : "socket";
  if (appToken !== null && !appToken.startsWith("xapp-")) {
    problems.push(
      "SLACK_APP_TOKEN must start with xapp- (an app-level token), or be unset for HTTP mode",
    );
  }

  const signingSecret = value("SLACK_SIGNING_SECRET");
  if (mode === "http" && signingSecret === null) {
    problems.push(
      "SLACK_SIGNING_SECRET is missing: HTTP mode needs it (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  }

  const rawPort = value("PORT") ?? "3000";
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port < 1 || port > 65535) {
    problems.push(`PORT must be a whole number from 1 to 65535, got "${rawPort}"`);
  }

  let slackApiUrl = value("SLACK_API_URL");
  if (slackApiUrl !== null) {
    try {
      const url = new URL(slackApiUrl);
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http(s)");
      if (!slackApiUrl.endsWith("/")) slackApiUrl = `${slackApiUrl}/`;
    } catch {
      problems.push(
        `SLACK_API_URL must be an http(s) URL such as https://slack.com/api/, got "${slackApiUrl}"`,
      );
    }
  }

  const logLevel = (value("LOG_LEVEL") ?? "info").toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    botToken: botToken as string,
    mode,
    appToken,
    signingSecret,
    port,
    slackApiUrl,
    corpusDir: value("CORPUS_DIR") ?? "corpus",
    indexFile: value("INDEX_FILE") ?? DEFAULT_INDEX_FILE,
    logLevel: logLevel as BotConfig["logLevel"],
  };
}

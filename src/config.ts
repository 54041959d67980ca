// Every setting the bot and its CLI read, in one place, read once. Each has a default and a doc line
// (docs/operations.md lists them); a missing or malformed one stops the start with a line naming it.
import dotenv from "dotenv";
import { defaultKeyPrefix, isValidKeyPrefix } from "./state/key-prefix.js";

/** Where `npm run index` writes the prebuilt index, unless INDEX_FILE says otherwise. */
export const DEFAULT_INDEX_FILE = ".cache/passage-index.ndjson";

/** The defaults, with why, for settings that have one. */
export const DEFAULTS = {
  /** Slack's requests reach this port in HTTP mode. */
  port: 3000,
  /** All interfaces: Slack must reach an HTTP-mode bot. Behind a proxy, set HOST=127.0.0.1. */
  host: "0.0.0.0",
  corpusDir: "corpus",
  indexFile: DEFAULT_INDEX_FILE,
  /** The largest article file read. News articles are tens of KB; 5 MiB leaves room, /dev/zero doesn't fit. */
  maxArticleBytes: 5 * 1024 * 1024,
  /** One Slack call (Web API or response_url), from connect to last byte. Slack answers in well under 1 s. */
  slackCallTimeoutMs: 8_000,
  /** One job after an ack (answer, render, post, apology included): a hung call frees its slot by then. */
  jobDeadlineMs: 18_000,
  /** From SIGTERM to exit: drain in-flight work this long, then exit anyway. */
  shutdownTimeoutMs: 12_000,
  /**
   * Open HTTP connections at once; more are closed at accept. Slack needs a handful; this leaves
   * room for hundreds of slow clients (each cut after 5 s of unfinished headers) and stays far
   * below the usual 1024 file descriptors.
   */
  maxConnections: 512,
  /** Where votes go; data/ is outside git. */
  feedbackFile: "data/feedback.jsonl",
  /**
   * The slash command the bot answers. It must match the app's manifest; replies name the
   * command a request came with, so a renamed command only needs this setting changed.
   */
  slashCommand: "/syria",
  /**
   * SIGHUP only: a signal reaches the process on every filesystem, while a folder watch misses
   * events on some network filesystems (NFS, SMB) and in some container bind mounts.
   */
  reload: "signal" as "watch" | "signal",
  /** One Redis command: far above a loopback round trip, short enough that nothing waits on a lost Redis. */
  redisTimeoutMs: 2_000,
  /** With RELOAD=watch: the folder must be quiet this long before a rebuild (a copy of many files is one). */
  reloadDebounceMs: 500,
  logLevel: "info" as "debug" | "info" | "warn" | "error",
  /** OAuth mode without REDIS_URL: one encrypted file per installation under this folder. */
  installationsDir: "data/installations",
} as const;

/** The one command that makes an INSTALLATION_KEY, named where the setting is missing or malformed. */
export const MAKE_INSTALLATION_KEY =
  "node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"";

/** OAuth mode's settings: any workspace can install the app through /slack/install. */
export interface OAuthSettings {
  /** SLACK_CLIENT_ID: the app's client id (Basic Information). */
  clientId: string;
  /** SLACK_CLIENT_SECRET: the app's client secret, sent to oauth.v2.access only. */
  clientSecret: string;
  /** SLACK_STATE_SECRET: the key the OAuth state is signed with. */
  stateSecret: string;
  /** INSTALLATION_KEY: 32 bytes (base64) that encrypt installations at rest (AES-256-GCM). */
  installationKey: Buffer;
  /** INSTALLATIONS_DIR: where installations are kept without REDIS_URL. */
  installationsDir: string;
}

/** Defaults of the feed and fetch settings (docs/feeds.md), with why. */
export const FEED_DEFAULTS = {
  /** In the working directory; no file there means no polling. */
  feedsFile: "feeds.yml",
  /** 15 minutes: news feeds change by the hour, and outlets ask crawlers not to poll faster. */
  feedPollSeconds: 900,
  /** A big outlet's feed is a few hundred KB; 20 MB leaves room and still bounds the parse. */
  maxFeedBytes: 20 * 1024 * 1024,
  /** A TCP (and TLS) connection to a news site takes well under a second. */
  fetchConnectTimeoutMs: 5_000,
  /** From the request sent to the response's headers: a server that stalls longer is not serving. */
  fetchHeadersTimeoutMs: 15_000,
  /** One fetch, redirects and body included. */
  fetchTimeoutMs: 30_000,
  /** Between two requests to one origin (scheme, host, port): polite to the sites we read. */
  fetchMinIntervalMs: 2_000,
} as const;

/** The feed and fetch settings, for the poller, `/syria add` and the `feeds`/`corpus:fetch` CLIs. */
export interface FeedSettings {
  /** FEEDS_FILE: the YAML list of feeds and the story's words. */
  feedsFile: string;
  /** FEED_POLL_SECONDS: time between two polls of the feeds (a ±20% jitter is added). */
  feedPollSeconds: number;
  /** MAX_FEED_BYTES: a feed is read up to this many bytes (after decompression). */
  maxFeedBytes: number;
  /** MAX_ARTICLE_BYTES: an article page is read up to this many bytes (after decompression). */
  maxArticleBytes: number;
  /** FETCH_CONTACT: a URL or e-mail address in the User-Agent, so a site can reach whoever runs the bot. */
  fetchContact: string | null;
  /** FETCH_ALLOW_HOSTS: `host:port` entries the address guard lets through (a local site in tests). */
  fetchAllowHosts: string[];
  /** FETCH_CONNECT_TIMEOUT_MS: deadline of one connection (TCP and TLS). */
  fetchConnectTimeoutMs: number;
  /** FETCH_HEADERS_TIMEOUT_MS: deadline from request sent to response headers. */
  fetchHeadersTimeoutMs: number;
  /** FETCH_TIMEOUT_MS: deadline of one whole fetch, redirects and body included. */
  fetchTimeoutMs: number;
  /** FETCH_MIN_INTERVAL_MS: the least time between two requests to one origin. */
  fetchMinIntervalMs: number;
}

/** Settings the CLI and the index need: no Slack tokens. */
export interface IndexSettings {
  /** CORPUS_DIR: the folder of article files. */
  corpusDir: string;
  /** INDEX_FILE: the prebuilt index; used while newer than the corpus. */
  indexFile: string;
  /** MAX_ARTICLE_BYTES: larger article files are skipped with a warning. */
  maxArticleBytes: number;
}

/** Everything the bot reads from its environment, checked. */
export interface BotConfig extends IndexSettings {
  /** SLACK_BOT_TOKEN (xoxb-): single-workspace mode; null in OAuth mode. */
  botToken: string | null;
  /** Socket Mode when SLACK_APP_TOKEN is set, HTTP mode otherwise. */
  mode: "socket" | "http";
  appToken: string | null;
  signingSecret: string | null;
  port: number;
  /** HOST: the address the HTTP server listens on. */
  host: string;
  slackApiUrl: string | null;
  logLevel: "debug" | "info" | "warn" | "error";
  /** SLACK_CALL_TIMEOUT_MS: deadline of one outgoing Slack call. */
  slackCallTimeoutMs: number;
  /** JOB_DEADLINE_MS: deadline of one queued job, all its calls included. */
  jobDeadlineMs: number;
  /** SHUTDOWN_TIMEOUT_MS: how long a stop drains before exiting anyway. */
  shutdownTimeoutMs: number;
  /** MAX_CONNECTIONS: open HTTP connections at once. */
  maxConnections: number;
  /** REDIS_URL: shared state store; null keeps state in process. */
  redisUrl: string | null;
  /** REDIS_OPTIONAL: start without Redis when it cannot be reached. */
  redisOptional: boolean;
  /**
   * REDIS_TIMEOUT_MS: deadline of one Redis command; past it the replica counts Redis as lost and
   * claims in process until it answers again. Raise it on a machine whose event loop lags.
   */
  redisTimeoutMs: number;
  /**
   * REDIS_PREFIX: put before every Redis key, so two bots on one Redis never meet. Unset, the slash
   * command's name and a colon (`syria:`); set but empty, no prefix.
   */
  redisPrefix: string;
  /** FEEDBACK_FILE: where feedback is appended, one JSON line each. */
  feedbackFile: string;
  /** RELOAD: re-read the corpus when it changes (`watch`) or on SIGHUP (`signal`). */
  reload: "watch" | "signal";
  /** RELOAD_DEBOUNCE_MS: quiet time after a watched change before the rebuild starts. */
  reloadDebounceMs: number;
  /** SLASH_COMMAND: the slash command the bot answers (as in the manifest). */
  slashCommand: string;
  /**
   * FEEDBACK_SECRET: the key voters' and channels' ids are hashed with in the feedback log. Unset,
   * a random key is made once and kept in the state store (never derived from a credential).
   */
  feedbackSecret: string | null;
  /** OAuth mode (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET); null with SLACK_BOT_TOKEN. */
  oauth: OAuthSettings | null;
  /** The feed and fetch settings (FEEDS_FILE, FEED_POLL_SECONDS, FETCH_*…): docs/feeds.md. */
  feeds: FeedSettings;
  /** Who may add, digests, the poll lease (EDITORS, DIGEST_MINUTES, POLL_LEASE_SECONDS). */
  live: LiveSettings;
}

/** Defaults of the live desk's settings (docs/feeds.md), with why. */
export const LIVE_DEFAULTS = {
  /**
   * Half an hour: a busy story brings articles every few minutes, and a channel wants a digest,
   * not a stream; the first of a quiet spell still goes at once.
   */
  digestMinutes: 30,
  /**
   * A minute: renewed every 20 s, so a dead poller is replaced within about 80 s, well inside a
   * poll period, while a Redis hiccup of a few seconds does not move it.
   */
  pollLeaseSeconds: 60,
} as const;

/** The live desk's settings: who may add by link, how often channels hear, the poll lease. */
export interface LiveSettings {
  /** EDITORS: the Slack user ids that may `/syria add`; null (unset) lets nobody. */
  editors: string[] | null;
  /** DIGEST_MINUTES: the least time between two digests to one channel (at least 1). */
  digestMinutes: number;
  /** POLL_LEASE_SECONDS: how long the poll lease lasts without renewal (with REDIS_URL). */
  pollLeaseSeconds: number;
}

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

function readLiveSettings(read: Reader): LiveSettings {
  const raw = read.text("EDITORS");
  let editors: string[] | null = null;
  if (raw !== null) {
    editors = raw
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id !== "");
    for (const id of editors) {
      if (!SLACK_USER_ID.test(id))
        read.problems.push(`EDITORS must be Slack user ids such as U0123ABCD, got "${id}"`);
    }
  }
  return {
    editors,
    digestMinutes: read.integer("DIGEST_MINUTES", LIVE_DEFAULTS.digestMinutes, 1, 7 * 24 * 60),
    pollLeaseSeconds: read.integer("POLL_LEASE_SECONDS", LIVE_DEFAULTS.pollLeaseSeconds, 3, 3_600),
  };
}

/** One or more settings are missing or malformed. The message names each, never its value. */
export class ConfigError extends Error {
  readonly code = "CONFIG_INVALID";
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Config: cannot start: ${problems.join("; ")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The example tokens `.env.example` ships (`xoxb-your-bot-token`): well-formed, so without this
 * check a copied `.env` would start and fail later at Slack with a vaguer "invalid_auth".
 */
const PLACEHOLDER_TOKEN = /^x(?:oxb|app)-your-/;

const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;

/** Reads settings from `env`, collecting every problem rather than stopping at the first. */
class Reader {
  readonly problems: string[] = [];
  /** Some OAuth setting was given, so a missing SLACK_BOT_TOKEN is not the problem to report. */
  oauthNamed = false;
  constructor(private readonly env: Env) {}

  text(name: string): string | null {
    const raw = this.env[name]?.trim();
    return raw === undefined || raw === "" ? null : raw;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.text(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const raw = (this.text(name) ?? fallback).toLowerCase();
    if (!(choices as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${choices.join(", ")}, got "${raw}"`);
      return fallback;
    }
    return raw as T;
  }
}

const ALLOW_HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9.-]+):\d{1,5}$/i;

function readFeedSettings(read: Reader, maxArticleBytes: number): FeedSettings {
  const allow = (read.text("FETCH_ALLOW_HOSTS") ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== "");
  for (const entry of allow) {
    if (!ALLOW_HOST.test(entry)) {
      read.problems.push(`FETCH_ALLOW_HOSTS entries must be host:port, got "${entry}"`);
    }
  }
  const d = FEED_DEFAULTS;
  return {
    feedsFile: read.text("FEEDS_FILE") ?? d.feedsFile,
    feedPollSeconds: read.integer("FEED_POLL_SECONDS", d.feedPollSeconds, 1, 7 * 86_400),
    maxFeedBytes: read.integer("MAX_FEED_BYTES", d.maxFeedBytes, 1024, 2 ** 31),
    maxArticleBytes,
    fetchContact: read.text("FETCH_CONTACT"),
    fetchAllowHosts: allow,
    fetchConnectTimeoutMs: read.integer(
      "FETCH_CONNECT_TIMEOUT_MS",
      d.fetchConnectTimeoutMs,
      10,
      600_000,
    ),
    fetchHeadersTimeoutMs: read.integer(
      "FETCH_HEADERS_TIMEOUT_MS",
      d.fetchHeadersTimeoutMs,
      10,
      600_000,
    ),
    fetchTimeoutMs: read.integer("FETCH_TIMEOUT_MS", d.fetchTimeoutMs, 10, 600_000),
    fetchMinIntervalMs: read.integer("FETCH_MIN_INTERVAL_MS", d.fetchMinIntervalMs, 0, 600_000),
  };
}

/**
 * The feed and fetch settings alone, for `npm run feeds` and `npm run corpus:fetch`, which run
 * without Slack tokens. Throws ConfigError naming each malformed variable.
 */
export function loadFeedSettings(env: Env): FeedSettings {
  const read = new Reader(env);
  const { maxArticleBytes } = readIndexSettings(read);
  const settings = readFeedSettings(read, maxArticleBytes);
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return settings;
}

function readIndexSettings(read: Reader): IndexSettings {
  return {
    corpusDir: read.text("CORPUS_DIR") ?? DEFAULTS.corpusDir,
    indexFile: read.text("INDEX_FILE") ?? DEFAULTS.indexFile,
    maxArticleBytes: read.integer("MAX_ARTICLE_BYTES", DEFAULTS.maxArticleBytes, 1, 2 ** 31),
  };
}

/**
 * The corpus and index settings alone, for the CLI (`ask`, `index`, `corpus:check`), which must run
 * without Slack tokens. Throws ConfigError naming each malformed variable.
 */
export function loadIndexSettings(env: Env): IndexSettings {
  const read = new Reader(env);
  const settings = readIndexSettings(read);
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return settings;
}

/**
 * Reads and checks the bot's settings. Socket Mode when SLACK_APP_TOKEN is set, HTTP mode
 * otherwise. Throws ConfigError naming every missing or malformed variable.
 */
export function loadConfig(env: Env): BotConfig {
  const read = new Reader(env);
  const { problems } = read;

  const botToken = read.text("SLACK_BOT_TOKEN");
  const oauth = readOAuthSettings(read, botToken !== null);
  if (botToken === null && oauth === null && !read.oauthNamed) {
    problems.push(
      "SLACK_BOT_TOKEN is missing (the bot token, xoxb-…); or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for OAuth mode",
    );
  } else if (botToken !== null && PLACEHOLDER_TOKEN.test(botToken)) {
    problems.push(
      "SLACK_BOT_TOKEN is still the placeholder from .env.example: paste the bot token (xoxb-…) from the app's OAuth & Permissions page",
    );
  } else if (botToken !== null && !botToken.startsWith("xoxb-")) {
    problems.push("SLACK_BOT_TOKEN must start with xoxb-");
  }

  const appToken = read.text("SLACK_APP_TOKEN");
  const mode = appToken === null ? "http" : "socket";
  if (appToken !== null && PLACEHOLDER_TOKEN.test(appToken)) {
    problems.push(
      "SLACK_APP_TOKEN is still a placeholder: paste the app-level token (xapp-…), or leave it empty for HTTP mode",
    );
  } else if (appToken !== null && !appToken.startsWith("xapp-")) {
    problems.push(
      "SLACK_APP_TOKEN must start with xapp- (an app-level token), or be unset for HTTP mode",
    );
  }

  const signingSecret = read.text("SLACK_SIGNING_SECRET");
  if (mode === "http" && signingSecret === null) {
    problems.push(
      "SLACK_SIGNING_SECRET is missing: HTTP mode needs it (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  }

  const port = read.integer("PORT", DEFAULTS.port, 1, 65535);
  const host = read.text("HOST") ?? DEFAULTS.host;

  let slackApiUrl = read.text("SLACK_API_URL");
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

  const logLevel = read.choice("LOG_LEVEL", LOG_LEVELS, DEFAULTS.logLevel);
  const index = readIndexSettings(read);
  const slackCallTimeoutMs = read.integer(
    "SLACK_CALL_TIMEOUT_MS",
    DEFAULTS.slackCallTimeoutMs,
    100,
    600_000,
  );
  const jobDeadlineMs = read.integer("JOB_DEADLINE_MS", DEFAULTS.jobDeadlineMs, 100, 600_000);
  const shutdownTimeoutMs = read.integer(
    "SHUTDOWN_TIMEOUT_MS",
    DEFAULTS.shutdownTimeoutMs,
    0,
    600_000,
  );
  const maxConnections = read.integer("MAX_CONNECTIONS", DEFAULTS.maxConnections, 1, 1_000_000);
  const redisUrl = read.text("REDIS_URL");
  const redisOptional = ["1", "true", "yes"].includes(
    read.choice("REDIS_OPTIONAL", ["1", "0", "true", "false", "yes", "no"], "0"),
  );
  const redisTimeoutMs = read.integer("REDIS_TIMEOUT_MS", DEFAULTS.redisTimeoutMs, 10, 60_000);
  const feedbackFile = read.text("FEEDBACK_FILE") ?? DEFAULTS.feedbackFile;
  const reload = read.choice("RELOAD", ["watch", "signal"], DEFAULTS.reload);
  const reloadDebounceMs = read.integer(
    "RELOAD_DEBOUNCE_MS",
    DEFAULTS.reloadDebounceMs,
    0,
    600_000,
  );
  const slashCommand = read.text("SLASH_COMMAND") ?? DEFAULTS.slashCommand;
  if (!/^\/[a-z0-9_-]{1,31}$/.test(slashCommand)) {
    problems.push(`SLASH_COMMAND must be a slash command such as /ask, got "${slashCommand}"`);
  }
  const feedbackSecret = read.text("FEEDBACK_SECRET");
  // Read raw: an empty REDIS_PREFIX means no prefix, which an unset one does not.
  const redisPrefix = env.REDIS_PREFIX?.trim() ?? defaultKeyPrefix(slashCommand);
  if (!isValidKeyPrefix(redisPrefix)) {
    problems.push(
      `REDIS_PREFIX must be up to 64 letters, digits or _ . : -, got "${redisPrefix.slice(0, 80)}"`,
    );
  }
  const feeds = readFeedSettings(read, index.maxArticleBytes);
  const live = readLiveSettings(read);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    botToken,
    mode,
    appToken,
    signingSecret,
    port,
    host,
    slackApiUrl,
    logLevel,
    ...index,
    slackCallTimeoutMs,
    jobDeadlineMs,
    shutdownTimeoutMs,
    maxConnections,
    redisUrl,
    redisOptional,
    redisTimeoutMs,
    redisPrefix,
    feedbackFile,
    reload,
    reloadDebounceMs,
    slashCommand,
    feedbackSecret,
    oauth,
    feeds,
    live,
  };
}

const OAUTH_NAMES = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;

/**
 * OAuth mode's settings, or null in single-workspace mode. Both modes at once is an error naming
 * the settings: which token would answer is then a guess.
 */
function readOAuthSettings(read: Reader, hasBotToken: boolean): OAuthSettings | null {
  const [clientId, clientSecret, stateSecret] = OAUTH_NAMES.map((name) => read.text(name));
  const named = OAUTH_NAMES.filter((name) => read.text(name) !== null);
  if (named.length === 0) return null;
  read.oauthNamed = true;
  if (hasBotToken) {
    read.problems.push(
      `SLACK_BOT_TOKEN and ${named.join(", ")} are both set: use SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (without SLACK_BOT_TOKEN) for OAuth mode`,
    );
    return null;
  }
  const missing = OAUTH_NAMES.filter((name) => read.text(name) === null);
  if (missing.length > 0) {
    read.problems.push(`OAuth mode needs ${missing.join(", ")} too (set with ${named.join(", ")})`);
  }
  if (stateSecret !== null && stateSecret !== undefined && stateSecret.length < 32) {
    read.problems.push("SLACK_STATE_SECRET must be at least 32 characters (random)");
  }
  const keyText = read.text("INSTALLATION_KEY");
  const key = keyText === null ? null : Buffer.from(keyText, "base64");
  if (keyText === null) {
    read.problems.push(
      `INSTALLATION_KEY is missing: OAuth mode encrypts installations with it; make one with ${MAKE_INSTALLATION_KEY}`,
    );
  } else if (key?.length !== 32 || key.toString("base64") !== keyText) {
    read.problems.push(
      `INSTALLATION_KEY must be 32 random bytes in base64; make one with ${MAKE_INSTALLATION_KEY}`,
    );
  }
  if (missing.length > 0 || key === null) return null;
  return {
    clientId: clientId as string,
    clientSecret: clientSecret as string,
    stateSecret: stateSecret as string,
    installationKey: key,
    installationsDir: read.text("INSTALLATIONS_DIR") ?? DEFAULTS.installationsDir,
  };
}

/** Where the replicas hear of a corpus change: what the CLIs that write articles need to tell them. */
export interface ReplicaSettings {
  /** REDIS_URL: null when there are no other replicas to tell. */
  redisUrl: string | null;
  /** REDIS_TIMEOUT_MS: deadline of one Redis command. */
  redisTimeoutMs: number;
  /** REDIS_PREFIX (default from SLASH_COMMAND): the bot's channels are named under it. */
  redisPrefix: string;
}

/**
 * The Redis settings alone, for `corpus:fetch` and `corpus:add`, which run without Slack tokens and
 * must reach the channel the running bot listens on. Throws ConfigError naming each malformed one.
 */
export function loadReplicaSettings(env: Env): ReplicaSettings {
  const read = new Reader(env);
  const slashCommand = read.text("SLASH_COMMAND") ?? DEFAULTS.slashCommand;
  const redisPrefix = env.REDIS_PREFIX?.trim() ?? defaultKeyPrefix(slashCommand);
  if (!isValidKeyPrefix(redisPrefix)) {
    read.problems.push(
      `REDIS_PREFIX must be up to 64 letters, digits or _ . : -, got "${redisPrefix.slice(0, 80)}"`,
    );
  }
  const settings = {
    redisUrl: read.text("REDIS_URL"),
    redisTimeoutMs: read.integer("REDIS_TIMEOUT_MS", DEFAULTS.redisTimeoutMs, 10, 60_000),
    redisPrefix,
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return settings;
}

let cliEnvRead = false;

/**
 * The environment a CLI reads its settings from: the process's, with the `.env` of the working
 * directory beneath it, as the bot reads it (a variable already set wins; no `.env` is no error).
 * Every CLI goes through here, so `npm run index` and the bot never read different folders.
 */
export function readCliEnv(): Env {
  if (!cliEnvRead) {
    dotenv.config({ quiet: true });
    cliEnvRead = true;
  }
  return process.env;
}

/** FEEDBACK_FILE alone, for `npm run feedback`, which reads the votes the bot wrote. */
export function loadFeedbackFile(env: Env): string {
  return new Reader(env).text("FEEDBACK_FILE") ?? DEFAULTS.feedbackFile;
}

/** NO_COLOR (no-color.org): set and not empty, `npm run ask` prints no colour even on a terminal. */
export function noColorRequested(env: Env): boolean {
  return new Reader(env).text("NO_COLOR") !== null;
}

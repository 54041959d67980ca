import { describe, expect, it } from "vitest";
import {
  ConfigError,
  loadConfig,
  loadFeedSettings,
  loadIndexSettings,
  MAKE_INSTALLATION_KEY,
} from "../src/config.js";

const http = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "secret-value" };

describe("loadConfig", () => {
  it("runs in HTTP mode without an app token, with defaults", () => {
    expect(loadConfig(http)).toEqual({
      botToken: "xoxb-1",
      mode: "http",
      appToken: null,
      signingSecret: "secret-value",
      port: 3000,
      host: "0.0.0.0",
      slackApiUrl: null,
      corpusDir: "corpus",
      indexFile: ".cache/passage-index.ndjson",
      maxArticleBytes: 5 * 1024 * 1024,
      logLevel: "info",
      slackCallTimeoutMs: 8_000,
      jobDeadlineMs: 18_000,
      shutdownTimeoutMs: 12_000,
      maxConnections: 512,
      redisUrl: null,
      redisOptional: false,
      redisTimeoutMs: 2_000,
      redisPrefix: "syria:",
      feedbackFile: "data/feedback.jsonl",
      reload: "signal",
      reloadDebounceMs: 500,
      slashCommand: "/syria",
      feedbackSecret: null,
      oauth: null,
      feeds: {
        feedsFile: "feeds.yml",
        feedPollSeconds: 900,
        maxFeedBytes: 20 * 1024 * 1024,
        maxArticleBytes: 5 * 1024 * 1024,
        fetchContact: null,
        fetchAllowHosts: [],
        fetchConnectTimeoutMs: 5_000,
        fetchHeadersTimeoutMs: 15_000,
        fetchTimeoutMs: 30_000,
        fetchMinIntervalMs: 2_000,
      },
      live: { editors: null, digestMinutes: 30, pollLeaseSeconds: 60 },
    });
  });

  it("takes the slash command's name from SLASH_COMMAND, and REDIS_OPTIONAL=1", () => {
    expect(loadConfig({ ...http, SLASH_COMMAND: "/news", REDIS_OPTIONAL: "1" })).toMatchObject({
      slashCommand: "/news",
      redisOptional: true,
    });
    expect(() => loadConfig({ ...http, SLASH_COMMAND: "news" })).toThrow(/SLASH_COMMAND/);
  });

  it("prefixes Redis keys with REDIS_PREFIX, else the slash command's name; empty means none", () => {
    expect(loadConfig(http).redisPrefix).toBe("syria:");
    expect(loadConfig({ ...http, SLASH_COMMAND: "/news" }).redisPrefix).toBe("news:");
    expect(loadConfig({ ...http, REDIS_PREFIX: "prod:bot-a:" }).redisPrefix).toBe("prod:bot-a:");
    expect(loadConfig({ ...http, REDIS_PREFIX: "" }).redisPrefix).toBe("");
    expect(() => loadConfig({ ...http, REDIS_PREFIX: "a b" })).toThrow(/REDIS_PREFIX must be/);
  });

  it("runs in Socket Mode with an app token, and needs no signing secret there", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" })).toMatchObject({
      mode: "socket",
      appToken: "xapp-1",
    });
  });

  it("adds the trailing slash the Web API client needs to SLACK_API_URL", () => {
    expect(loadConfig({ ...http, SLACK_API_URL: "http://127.0.0.1:9/api" }).slackApiUrl).toBe(
      "http://127.0.0.1:9/api/",
    );
  });

  it("names every missing or malformed variable, and never a secret's value", () => {
    const env = {
      SLACK_BOT_TOKEN: "xoxp-user-token-SECRET",
      SLACK_APP_TOKEN: "wrong-SECRET",
      PORT: "99999",
      LOG_LEVEL: "loud",
      SLACK_API_URL: "not a url",
    };
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    if (!(error instanceof ConfigError)) throw new Error("expected a ConfigError");
    expect(error.problems).toEqual([
      "SLACK_BOT_TOKEN must start with xoxb-",
      "SLACK_APP_TOKEN must start with xapp- (an app-level token), or be unset for HTTP mode",
      'PORT must be a whole number from 1 to 65535, got "99999"',
      'SLACK_API_URL must be an http(s) URL such as https://slack.com/api/, got "not a url"',
      'LOG_LEVEL must be one of debug, info, warn, error, got "loud"',
    ]);
    expect(error.message).not.toContain("SECRET");
  });

  it("needs a bot token, and a signing secret in HTTP mode", () => {
    expect(() => loadConfig({})).toThrow(
      /SLACK_BOT_TOKEN is missing[\s\S]*SLACK_SIGNING_SECRET is missing/,
    );
  });

  it("reads HOST, the deadlines and the limits", () => {
    const config = loadConfig({
      ...http,
      HOST: "127.0.0.1",
      SLACK_CALL_TIMEOUT_MS: "1000",
      JOB_DEADLINE_MS: "5000",
      MAX_CONNECTIONS: "10",
      REDIS_OPTIONAL: "TRUE",
      RELOAD: "watch",
      RELOAD_DEBOUNCE_MS: "50",
    });
    expect(config).toMatchObject({
      host: "127.0.0.1",
      slackCallTimeoutMs: 1_000,
      jobDeadlineMs: 5_000,
      maxConnections: 10,
      redisOptional: true,
      reload: "watch",
      reloadDebounceMs: 50,
    });
  });

  it("says what is wrong in one line naming the variable", () => {
    expect(() => loadConfig({ ...http, MAX_ARTICLE_BYTES: "lots" })).toThrow(
      'Config: cannot start: MAX_ARTICLE_BYTES must be a whole number from 1 to 2147483648, got "lots"',
    );
  });
});

describe("loadIndexSettings", () => {
  it("reads the corpus and index settings without any Slack token", () => {
    expect(loadIndexSettings({ CORPUS_DIR: "articles" })).toEqual({
      corpusDir: "articles",
      indexFile: ".cache/passage-index.ndjson",
      maxArticleBytes: 5 * 1024 * 1024,
    });
  });
});

describe("loadConfig: OAuth mode", () => {
  const key = Buffer.alloc(32, 7).toString("base64");
  const oauth = {
    SLACK_CLIENT_ID: "111.222",
    SLACK_CLIENT_SECRET: "client-secret",
    SLACK_STATE_SECRET: "s".repeat(32),
    INSTALLATION_KEY: key,
    SLACK_SIGNING_SECRET: "secret-value",
  };

  it("runs in OAuth mode with the three OAuth settings and INSTALLATION_KEY instead of a bot token", () => {
    const config = loadConfig(oauth);
    expect(config.botToken).toBeNull();
    expect(config.oauth).toEqual({
      clientId: "111.222",
      clientSecret: "client-secret",
      stateSecret: "s".repeat(32),
      installationKey: Buffer.alloc(32, 7),
      installationsDir: "data/installations",
    });
    expect(
      loadConfig({ ...oauth, INSTALLATIONS_DIR: "/var/lib/bot" }).oauth?.installationsDir,
    ).toBe("/var/lib/bot");
  });

  it("refuses SLACK_BOT_TOKEN and the OAuth settings together, naming them", () => {
    expect(() => loadConfig({ ...oauth, SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(
      /SLACK_BOT_TOKEN and SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET are both set/,
    );
  });

  it("names the OAuth settings that are missing when some are set", () => {
    expect(() => loadConfig({ ...oauth, SLACK_STATE_SECRET: "" })).toThrow(
      /OAuth mode needs SLACK_STATE_SECRET too/,
    );
  });

  it("refuses to start without INSTALLATION_KEY, naming it and the command that makes one", () => {
    const error = (() => {
      try {
        loadConfig({ ...oauth, INSTALLATION_KEY: "" });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error?.message).toContain("INSTALLATION_KEY is missing");
    expect(error?.message).toContain(MAKE_INSTALLATION_KEY);
    expect(() => loadConfig({ ...oauth, INSTALLATION_KEY: "c2hvcnQ=" })).toThrow(
      /INSTALLATION_KEY must be 32 random bytes in base64/,
    );
  });

  it("refuses a short SLACK_STATE_SECRET", () => {
    expect(() => loadConfig({ ...oauth, SLACK_STATE_SECRET: "short" })).toThrow(
      /SLACK_STATE_SECRET must be at least 32 characters/,
    );
  });

  it("asks for a bot token or the OAuth settings when neither is set", () => {
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: "x" })).toThrow(
      /SLACK_BOT_TOKEN is missing .*or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET/,
    );
  });
});

describe("loadFeedSettings", () => {
  it("reads the feed and fetch settings without any Slack token", () => {
    const settings = loadFeedSettings({
      FEEDS_FILE: "desk/feeds.yml",
      FEED_POLL_SECONDS: "60",
      FETCH_CONTACT: "https://example.org/bot",
      FETCH_ALLOW_HOSTS: "127.0.0.1:8080, News.Example:443",
    });
    expect(settings).toMatchObject({
      feedsFile: "desk/feeds.yml",
      feedPollSeconds: 60,
      fetchContact: "https://example.org/bot",
      fetchAllowHosts: ["127.0.0.1:8080", "news.example:443"],
    });
  });

  it("names each malformed setting", () => {
    expect(() => loadFeedSettings({ FETCH_ALLOW_HOSTS: "example.org" })).toThrow(
      /FETCH_ALLOW_HOSTS entries must be host:port, got "example.org"/,
    );
    expect(() => loadFeedSettings({ FEED_POLL_SECONDS: "soon" })).toThrow(/FEED_POLL_SECONDS/);
  });
});

describe("live desk settings", () => {
  it("reads EDITORS as Slack user ids, DIGEST_MINUTES and POLL_LEASE_SECONDS", () => {
    const config = loadConfig({
      ...http,
      EDITORS: "U0123ABCD, W0456EFGH,",
      DIGEST_MINUTES: "1",
      POLL_LEASE_SECONDS: "5",
    });
    expect(config.live).toEqual({
      editors: ["U0123ABCD", "W0456EFGH"],
      digestMinutes: 1,
      pollLeaseSeconds: 5,
    });
  });

  it("names a malformed editor id and a digest interval under a minute", () => {
    expect(() => loadConfig({ ...http, EDITORS: "alice", DIGEST_MINUTES: "0" })).toThrow(
      /EDITORS must be Slack user ids such as U0123ABCD, got "alice".*DIGEST_MINUTES must be a whole number from 1/,
    );
  });
});

describe("loadConfig: the placeholders of .env.example", () => {
  it("refuses the example bot token as a placeholder, naming the setting", () => {
    expect(() => loadConfig({ ...http, SLACK_BOT_TOKEN: "xoxb-your-bot-token" })).toThrow(
      "SLACK_BOT_TOKEN is still the placeholder from .env.example",
    );
  });
  it("refuses an example app token as a placeholder", () => {
    expect(() => loadConfig({ ...http, SLACK_APP_TOKEN: "xapp-your-app-token" })).toThrow(
      "SLACK_APP_TOKEN is still a placeholder",
    );
  });
});

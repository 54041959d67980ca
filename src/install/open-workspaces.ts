import { InstallProvider, LogLevel } from "@slack/oauth";
import type { WebClientOptions } from "@slack/web-api";
import type { BotConfig } from "../config.js";
import type { StateStore } from "../state/state-store.js";
import { EncryptedInstallationStore } from "./encrypted-installation-store.js";
import { FileInstallationRecords } from "./file-installation-records.js";
import { installPage } from "./install-pages.js";
import { InstallationCipher } from "./installation-cipher.js";
import type { InstallationRecords } from "./installation-records.js";
import { RedisInstallationRecords } from "./redis-installation-records.js";
import { SignedStateStore } from "./signed-state-store.js";
import { InstalledWorkspaces, SingleWorkspace, type Workspaces } from "./workspaces.js";

export interface OpenWorkspacesOptions {
  config: BotConfig;
  /** The Web API client options every call uses (SLACK_API_URL, deadlines, no client retries). */
  clientOptions: WebClientOptions;
  /** The shared state store, unscoped: OAuth states are claimed in it once. */
  state: StateStore;
  logger: {
    debug(...m: unknown[]): void;
    info(...m: unknown[]): void;
    warn(...m: unknown[]): void;
    error(...m: unknown[]): void;
  };
  /** Where installations are kept; from the config when not given (tests pass their own). */
  records?: InstallationRecords;
  nowMilliseconds?: () => number;
}

/** One line for whatever @slack/oauth logs: an error's message, never the object (or a payload). */
function oneLine(parts: unknown[]): string {
  return parts.map((part) => (part instanceof Error ? part.message : String(part))).join(" ");
}

/**
 * The workspaces the settings describe: one, with SLACK_BOT_TOKEN; any that install, in OAuth mode,
 * with the installations in Redis (REDIS_URL) or in files (INSTALLATIONS_DIR), sealed with
 * INSTALLATION_KEY.
 */
export function openWorkspaces(options: OpenWorkspacesOptions): Workspaces {
  const { config, clientOptions, logger } = options;
  if (config.oauth === null) return new SingleWorkspace(config.botToken as string, clientOptions);
  const oauth = config.oauth;
  const records =
    options.records ??
    (config.redisUrl
      ? new RedisInstallationRecords({
          url: config.redisUrl,
          commandTimeoutMs: config.redisTimeoutMs,
        })
      : new FileInstallationRecords(oauth.installationsDir));
  const store = new EncryptedInstallationStore(
    records,
    new InstallationCipher(oauth.installationKey),
    options.nowMilliseconds,
  );
  const installer = new InstallProvider({
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateStore: new SignedStateStore({ secret: oauth.stateSecret, state: options.state }),
    installationStore: store,
    renderHtmlForInstallPath: installPage,
    clientOptions,
    logger: {
      debug: (...m) => logger.debug(`OAuth: ${oneLine(m)}`),
      info: (...m) => logger.info(`OAuth: ${oneLine(m)}`),
      warn: (...m) => logger.warn(`OAuth: ${oneLine(m)}`),
      error: (...m) => logger.warn(`OAuth: ${oneLine(m)}`),
      setLevel: () => {},
      getLevel: () => LogLevel.INFO,
      setName: () => {},
    },
  });
  return new InstalledWorkspaces(installer, store, clientOptions);
}

import { Redis } from "ioredis";
import { checkRecordKey, type InstallationRecords } from "./installation-records.js";

export interface RedisInstallationRecordsOptions {
  /** REDIS_URL. */
  url: string;
  /** Put before every key (several bots on one Redis). */
  keyPrefix?: string;
  /** Deadline of one command (REDIS_TIMEOUT_MS). */
  commandTimeoutMs: number;
}

/**
 * Installations in Redis, shared by every replica, with no expiry (an installation lasts until
 * the workspace uninstalls). Like the state store, nothing waits on a lost Redis: each command has
 * a deadline and nothing is queued while disconnected, so a lookup fails fast and the caller
 * answers from its cache.
 */
export class RedisInstallationRecords implements InstallationRecords {
  private readonly client: Redis;

  constructor(options: RedisInstallationRecordsOptions) {
    this.client = new Redis(options.url, {
      keyPrefix: `${options.keyPrefix ?? ""}installation:`,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      commandTimeout: options.commandTimeoutMs,
      connectTimeout: options.commandTimeoutMs,
      retryStrategy: (attempt) => Math.min(100 * 2 ** (attempt - 1), 2_000),
    });
    // Without a listener ioredis prints every failed reconnect attempt; the caller logs failures.
    this.client.on("error", () => {});
  }

  async read(key: string): Promise<string | null> {
    return this.client.get(checkRecordKey(key));
  }

  async write(key: string, value: string): Promise<void> {
    await this.client.set(checkRecordKey(key), value);
  }

  async remove(key: string): Promise<void> {
    await this.client.del(checkRecordKey(key));
  }

  async close(): Promise<void> {
    if (this.client.status === "ready") await this.client.quit().catch(() => undefined);
    this.client.disconnect();
  }
}

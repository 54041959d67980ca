import { Redis } from "ioredis";
import type { StateStore } from "./state-store.js";
import { StateStoreError } from "./state-store-error.js";

export interface RedisStoreOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` (REDIS_URL). */
  url: string;
  /** Put before every key, so several bots or environments can share one Redis without meeting. */
  keyPrefix?: string;
  /**
   * Deadline of one command. Redis on the same network answers in well under a millisecond; a reply
   * this late means it is stalled or gone, and the caller is better served by its fallback than by
   * waiting: Slack wants its ack within 3 s.
   */
  commandTimeoutMs?: number;
  /** Deadline of opening the connection (and of each reconnect attempt). */
  connectTimeoutMs?: number;
  /** Longest pause between reconnect attempts; they start at 100 ms and double up to this. */
  maxReconnectDelayMs?: number;
  /** Total deadline of `deleteScope`: what it has not reached by then expires on its TTL. */
  deleteScopeDeadlineMs?: number;
}

export const REDIS_STORE_DEFAULTS = {
  keyPrefix: "",
  commandTimeoutMs: 500,
  connectTimeoutMs: 2_000,
  maxReconnectDelayMs: 2_000,
  deleteScopeDeadlineMs: 10_000,
} as const;

/** Keys asked of each SCAN step and deleted by each UNLINK: one short command each. */
const SCAN_BATCH = 500;
/** The characters SCAN's MATCH reads as a pattern; a prefix holding one is matched literally. */
const GLOB_SPECIAL = /[*?[\]\\]/g;

/** Told when the connection comes up (ready for commands) or goes down, with why. */
export type ConnectionListener = (change: { up: boolean; reason: string }) => void;

/**
 * The state store in Redis, shared by every replica. Claims are `SET key 1 NX EX ttl`: Redis runs
 * each command alone, so of any number of concurrent claims of one key exactly one gets OK.
 *
 * Nothing waits on a lost Redis: every command has a deadline, and the offline queue is off, so a
 * command sent while disconnected fails at once instead of waiting for a reconnect. Calls throw
 * `StateStoreError` when Redis cannot answer; `ResilientStore` turns that into a fallback. The
 * client reconnects by itself, with backoff, for as long as the store is open.
 */
export class RedisStore implements StateStore {
  private readonly client: Redis;
  private readonly listeners: ConnectionListener[] = [];
  private readonly connectTimeoutMs: number;
  private readonly keyPrefix: string;
  private readonly deleteScopeDeadlineMs: number;
  private lastError = "";
  private closed = false;

  constructor(options: RedisStoreOptions) {
    const settings = { ...REDIS_STORE_DEFAULTS, ...options };
    this.connectTimeoutMs = settings.connectTimeoutMs;
    this.keyPrefix = settings.keyPrefix;
    this.deleteScopeDeadlineMs = settings.deleteScopeDeadlineMs;
    this.client = new Redis(settings.url, {
      keyPrefix: settings.keyPrefix,
      lazyConnect: true,
      enableOfflineQueue: false,
      // A command in flight when the connection drops fails instead of being sent again later.
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      commandTimeout: settings.commandTimeoutMs,
      connectTimeout: settings.connectTimeoutMs,
      retryStrategy: (attempt) => Math.min(100 * 2 ** (attempt - 1), settings.maxReconnectDelayMs),
    });
    // Without a listener ioredis prints every failed reconnect attempt to the console.
    this.client.on("error", (error: Error) => {
      this.lastError = error.message;
    });
    this.client.on("ready", () => this.tell({ up: true, reason: "connected" }));
    this.client.on("close", () =>
      this.tell({ up: false, reason: this.lastError || "connection closed" }),
    );
  }

  /**
   * Opens the connection and waits until Redis answers, for at most the connect deadline. Rejects
   * with the reason (`connect ECONNREFUSED …`); the client keeps trying in the background until
   * `close()`.
   */
  async connect(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${this.connectTimeoutMs} ms`)),
        this.connectTimeoutMs,
      );
    });
    try {
      await Promise.race([this.client.connect(), deadline]);
    } catch (error) {
      throw new StateStoreError(this.lastError || messageOf(error));
    } finally {
      clearTimeout(timer);
    }
  }

  /** True while the connection is up and takes commands. */
  get ready(): boolean {
    return this.client.status === "ready";
  }

  /** Registers a listener for the connection going down and coming back. */
  onConnectionChange(listener: ConnectionListener): void {
    this.listeners.push(listener);
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const reply = await this.run("SET NX", () =>
      this.client.set(key, "1", "EX", wholeSeconds(ttlSeconds), "NX"),
    );
    return reply === "OK";
  }

  async release(key: string): Promise<void> {
    await this.run("DEL", () => this.client.del(key));
  }

  async get(key: string): Promise<string | null> {
    return this.run("GET", () => this.client.get(key));
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.run("SET", () => this.client.set(key, value, "EX", wholeSeconds(ttlSeconds)));
  }

  /**
   * SCAN MATCH over the prefix (after REDIS_PREFIX), UNLINK of each batch found: never KEYS, which
   * blocks Redis for the whole keyspace. ioredis puts REDIS_PREFIX before the keys of commands but
   * not in a MATCH pattern, and SCAN returns keys with it, so it is added and taken off here.
   * Throws StateStoreError past the total deadline, after deleting what it reached.
   */
  async deleteScope(prefix: string): Promise<number> {
    if (prefix === "") throw new StateStoreError("deleting a scope needs a non-empty key prefix");
    const pattern = `${(this.keyPrefix + prefix).replace(GLOB_SPECIAL, "\\$&")}*`;
    const deadline = Date.now() + this.deleteScopeDeadlineMs;
    let cursor = "0";
    let deleted = 0;
    do {
      if (Date.now() > deadline) {
        throw new StateStoreError(
          `Redis scope delete of ${prefix}* passed its ${this.deleteScopeDeadlineMs} ms deadline after ${deleted} keys`,
        );
      }
      const [next, keys] = await this.run("SCAN", () =>
        this.client.scan(cursor, "MATCH", pattern, "COUNT", SCAN_BATCH),
      );
      cursor = next;
      if (keys.length > 0) {
        const own = keys.map((key) => key.slice(this.keyPrefix.length));
        deleted += await this.run("UNLINK", () => this.client.unlink(...own));
      }
    } while (cursor !== "0");
    return deleted;
  }

  /** Says goodbye to Redis (QUIT) when it is there, and stops reconnecting either way. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ready) await this.client.quit().catch(() => undefined);
    this.client.disconnect();
  }

  private async run<T>(command: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw new StateStoreError(`Redis ${command} failed: ${messageOf(error)}`);
    }
  }

  private tell(change: { up: boolean; reason: string }): void {
    if (this.closed) return;
    for (const listener of this.listeners) listener(change);
  }
}

/** Redis takes whole seconds, at least one. */
function wholeSeconds(ttlSeconds: number): number {
  return Math.max(1, Math.ceil(ttlSeconds));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

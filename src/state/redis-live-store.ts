import { Redis } from "ioredis";
import type { LiveStore } from "./live-store.js";
import { StateStoreError } from "./state-store-error.js";

export interface RedisLiveStoreOptions {
  /** REDIS_URL. */
  url: string;
  /** Put before every key and channel name (several bots on one Redis). */
  keyPrefix?: string;
  /** Deadline of one command; see `RedisStoreOptions.commandTimeoutMs`. */
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
  maxReconnectDelayMs?: number;
}

/**
 * Takes the lease when free, renews it when ours, in one step: a plain SET NX cannot renew, and a
 * GET then PEXPIRE could renew a lease another replica took in between.
 */
const HOLD_LEASE = `
local holder = redis.call("GET", KEYS[1])
if holder == ARGV[1] then
  redis.call("PEXPIRE", KEYS[1], ARGV[2])
  return 1
end
if holder then return 0 end
redis.call("SET", KEYS[1], ARGV[1], "PX", ARGV[2])
return 1`;

/** Deletes the lease only when ours: after an expiry another replica may hold it. */
const RELEASE_LEASE = `
if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end
return 0`;

/** HSETNX over id/value pairs; the ids that were new. */
const ADD_MISSING = `
local added = {}
for i = 1, #ARGV, 2 do
  if redis.call("HSETNX", KEYS[1], ARGV[i], ARGV[i + 1]) == 1 then added[#added + 1] = ARGV[i] end
end
return added`;

/**
 * The live store in Redis: leases are string keys holding the holder's id with a TTL in
 * milliseconds, groups are hashes, messages are pub/sub on a second connection (a subscribed
 * connection takes no other command). ioredis reconnects both by itself and subscribes again.
 */
export class RedisLiveStore implements LiveStore {
  private readonly client: Redis;
  private subscriber: Redis | null = null;
  private readonly listeners = new Map<string, ((message: string) => void)[]>();
  private readonly prefix: string;
  private readonly options: RedisLiveStoreOptions;
  private lastError = "";

  constructor(options: RedisLiveStoreOptions) {
    this.options = options;
    this.prefix = options.keyPrefix ?? "";
    this.client = this.connection(false);
  }

  /**
   * Opens the command connection; resolves once Redis answers. Until then calls fail with
   * `StateStoreError` (so no replica holds the lease), and ioredis keeps trying in the background
   * after a failed first attempt.
   */
  connect(): Promise<void> {
    return this.run("connect", () => this.client.connect());
  }

  async holdLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const held = await this.run("lease", () =>
      this.client.eval(HOLD_LEASE, 1, `lease:${name}`, holder, String(Math.ceil(ttlMs))),
    );
    return held === 1;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.run("lease release", () =>
      this.client.eval(RELEASE_LEASE, 1, `lease:${name}`, holder),
    );
  }

  async putRecord(group: string, id: string, value: string): Promise<void> {
    await this.run("HSET", () => this.client.hset(`live:${group}`, id, value));
  }

  async deleteRecord(group: string, id: string): Promise<boolean> {
    return (await this.run("HDEL", () => this.client.hdel(`live:${group}`, id))) > 0;
  }

  async records(group: string): Promise<Map<string, string>> {
    const all = await this.run("HGETALL", () => this.client.hgetall(`live:${group}`));
    return new Map(Object.entries(all));
  }

  async addMissingRecords(group: string, entries: ReadonlyMap<string, string>): Promise<string[]> {
    if (entries.size === 0) return [];
    const pairs = [...entries].flat();
    const added = await this.run("HSETNX", () =>
      this.client.eval(ADD_MISSING, 1, `live:${group}`, ...pairs),
    );
    return (added as string[]) ?? [];
  }

  async publish(topic: string, message: string): Promise<void> {
    await this.run("PUBLISH", () => this.client.publish(this.prefix + topic, message));
  }

  async subscribe(topic: string, listener: (message: string) => void): Promise<void> {
    const channel = this.prefix + topic;
    if (this.subscriber === null) {
      const subscriber = this.connection(true);
      this.subscriber = subscriber;
      subscriber.on("message", (from: string, message: string) => {
        for (const heard of this.listeners.get(from) ?? []) heard(message);
      });
      // The subscription is queued until the connection is up, and made again on every reconnect.
      subscriber.connect().catch(() => undefined);
    }
    const subscriber = this.subscriber;
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    await this.run("SUBSCRIBE", () => subscriber.subscribe(channel));
  }

  async close(): Promise<void> {
    for (const connection of [this.client, this.subscriber]) {
      if (connection === null) continue;
      if (connection.status === "ready") await connection.quit().catch(() => undefined);
      connection.disconnect();
    }
  }

  private connection(subscriber: boolean): Redis {
    const { options } = this;
    const connection = new Redis(options.url, {
      // Pub/sub channel names are prefixed by hand: ioredis prefixes keys only.
      keyPrefix: this.prefix,
      lazyConnect: true,
      // A subscriber must queue its SUBSCRIBE for the reconnect that subscribes again; commands
      // fail at once while Redis is away (see RedisStore).
      enableOfflineQueue: subscriber,
      maxRetriesPerRequest: subscriber ? null : 0,
      autoResendUnfulfilledCommands: subscriber,
      // A subscriber's SUBSCRIBE waits for Redis, however long: it is what makes the replica hear
      // changes once Redis is back. Commands have their deadline.
      ...(subscriber ? {} : { commandTimeout: options.commandTimeoutMs ?? 2_000 }),
      connectTimeout: options.connectTimeoutMs ?? 2_000,
      retryStrategy: (attempt) =>
        Math.min(100 * 2 ** (attempt - 1), options.maxReconnectDelayMs ?? 2_000),
    });
    connection.on("error", (error: Error) => {
      this.lastError = error.message;
    });
    return connection;
  }

  private async run<T>(command: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      const reason = error instanceof Error ? error.message : this.lastError || String(error);
      throw new StateStoreError(`Redis ${command} failed: ${reason}`);
    }
  }
}

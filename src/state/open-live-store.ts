import type { LiveStore } from "./live-store.js";
import { MemoryLiveStore } from "./memory-live-store.js";
import { RedisLiveStore } from "./redis-live-store.js";

export interface OpenLiveStoreOptions {
  /** REDIS_URL: none keeps the live desk in this process (one replica). */
  redisUrl?: string | null;
  /** Put before every Redis key and channel. */
  keyPrefix?: string;
  commandTimeoutMs?: number;
  nowMilliseconds?: () => number;
}

/**
 * The live store the settings ask for. With Redis it does not wait for the connection: the state
 * store already checked Redis at start (REDIS_OPTIONAL included), and until Redis answers the
 * lease is simply not held, so no replica polls on a guess.
 */
export function openLiveStore(options: OpenLiveStoreOptions): LiveStore {
  if (!options.redisUrl) return new MemoryLiveStore(options.nowMilliseconds);
  const store = new RedisLiveStore({
    url: options.redisUrl,
    ...(options.keyPrefix !== undefined ? { keyPrefix: options.keyPrefix } : {}),
    ...(options.commandTimeoutMs !== undefined
      ? { commandTimeoutMs: options.commandTimeoutMs }
      : {}),
  });
  // Not awaited: see above. A failed first attempt is retried by the client.
  store.connect().catch(() => undefined);
  return store;
}

import { MemoryStore } from "./memory-store.js";
import { RedisStore, type RedisStoreOptions } from "./redis-store.js";
import { ResilientStore } from "./resilient-store.js";
import type { StateLogger } from "./state-logger.js";
import type { StateStore } from "./state-store.js";
import { StateStoreError } from "./state-store-error.js";

export interface OpenStateStoreOptions {
  /** REDIS_URL: none keeps all state in this process (one replica). */
  redisUrl?: string | null;
  /** REDIS_OPTIONAL=1: start on in-process state when Redis is down, and share once it answers. */
  redisOptional?: boolean;
  logger: StateLogger;
  /** REDIS_PREFIX: put before every Redis key (several bots or environments on one Redis). */
  keyPrefix?: string;
  nowMilliseconds?: () => number;
  /** Deadlines and backoff; the defaults suit production, tests shorten them. */
  redis?: Pick<RedisStoreOptions, "commandTimeoutMs" | "connectTimeoutMs" | "maxReconnectDelayMs">;
  /** See `ResilientStoreOptions.probeIntervalMs`. */
  probeIntervalMs?: number;
}

/**
 * The state store the settings ask for: in-process without a Redis URL; with one, Redis behind the
 * fallback that keeps the bot answering when Redis is lost. Redis down at start stops the start
 * with a one-line `StateStoreError` naming REDIS_URL, since replicas that silently do not share
 * claims answer retries twice; with `redisOptional` it warns and starts on in-process state, and
 * claims are shared from the moment Redis answers.
 */
export async function openStateStore(options: OpenStateStoreOptions): Promise<StateStore> {
  const { redisUrl, logger, nowMilliseconds } = options;
  if (!redisUrl) return new MemoryStore(nowMilliseconds);
  const shown = redactUrl(redisUrl);
  if (shown === null) {
    throw new StateStoreError("REDIS_URL is not a redis:// or rediss:// URL");
  }
  const redis = new RedisStore({
    url: redisUrl,
    ...options.redis,
    ...(options.keyPrefix !== undefined ? { keyPrefix: options.keyPrefix } : {}),
  });
  const resilient = (startLost: boolean) =>
    new ResilientStore({
      shared: redis,
      logger,
      startLost,
      ...(nowMilliseconds ? { nowMilliseconds } : {}),
      ...(options.probeIntervalMs !== undefined
        ? { probeIntervalMs: options.probeIntervalMs }
        : {}),
    });
  try {
    await redis.connect();
    const prefix = options.keyPrefix ? `keys prefixed "${options.keyPrefix}"` : "keys unprefixed";
    logger.info(
      `State store: Redis at REDIS_URL=${shown} (${prefix}); claims are shared between replicas`,
    );
    return resilient(false);
  } catch (error) {
    const reason = error instanceof StateStoreError ? error.detail : String(error);
    if (!options.redisOptional) {
      await redis.close();
      throw new StateStoreError(
        `cannot reach Redis at REDIS_URL=${shown} (${reason}); start Redis, correct REDIS_URL, or set REDIS_OPTIONAL=1 to start on in-process state`,
      );
    }
    logger.warn(
      `State store: cannot reach Redis at REDIS_URL=${shown} (${reason}); REDIS_OPTIONAL is set, so claims and values stay in this process until Redis answers`,
    );
    return resilient(true);
  }
}

/** The URL with any password replaced, or null when it is not a Redis URL. */
export function redactUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") return null;
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

import { MemoryStore } from "./memory-store.js";
import type { ConnectionListener } from "./redis-store.js";
import type { StateLogger } from "./state-logger.js";
import type { StateStore } from "./state-store.js";
import { StateStoreError } from "./state-store-error.js";

/** A store that can be lost and come back, and says so: `RedisStore`. */
export interface SharedStore extends StateStore {
  readonly ready: boolean;
  onConnectionChange(listener: ConnectionListener): void;
}

export interface ResilientStoreOptions {
  shared: SharedStore;
  /** Where claims and values go while the shared store is lost; a new MemoryStore when not given. */
  local?: MemoryStore;
  logger: StateLogger;
  nowMilliseconds?: () => number;
  /**
   * While the shared store is thought lost but its connection still looks up (a stalled server
   * rather than a closed socket), one call tries it again this often.
   */
  probeIntervalMs?: number;
  /**
   * Start on the local store, without a warning: the caller already said Redis was unreachable at
   * start (REDIS_OPTIONAL). The info line still comes when it answers.
   */
  startLost?: boolean;
  /** How many claims taken during an outage are remembered to be written back when it ends. */
  maxOutageClaims?: number;
}

export const LOST_WARNING = "State store: Redis lost";
export const BACK_INFO = "State store: Redis is back; claims are shared again";

/**
 * Keeps the bot answering when Redis goes away while it runs: claims and values go to the
 * in-process store until Redis is back, with one warning when it goes and one info line when it
 * returns (ioredis reconnects by itself).
 *
 * Every claim is also recorded in the process, and a claim is granted only when both Redis and the
 * process grant it. So a retry this replica already answered stays answered through an outage, and
 * through a Redis that came back empty. Claims taken during an outage are written to Redis when it
 * returns, with what is left of their TTL, so a retry that then reaches another replica is not
 * answered twice.
 */
export class ResilientStore implements StateStore {
  private readonly shared: SharedStore;
  private readonly local: MemoryStore;
  private readonly logger: StateLogger;
  private readonly now: () => number;
  private readonly probeIntervalMs: number;
  private readonly maxOutageClaims: number;
  private readonly outageClaims = new Map<string, number>();
  private up: boolean;
  private nextProbeAt = 0;

  constructor(options: ResilientStoreOptions) {
    this.shared = options.shared;
    this.local = options.local ?? new MemoryStore(options.nowMilliseconds);
    this.logger = options.logger;
    this.now = options.nowMilliseconds ?? Date.now;
    this.probeIntervalMs = options.probeIntervalMs ?? 5_000;
    this.maxOutageClaims = options.maxOutageClaims ?? 10_000;
    this.up = !options.startLost;
    this.shared.onConnectionChange(({ up, reason }) => {
      if (up) this.markUp();
      else this.markLost(reason);
    });
  }

  /** True while calls go to the shared store. */
  get sharing(): boolean {
    return this.up;
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    if (this.tryShared()) {
      try {
        const shared = await this.shared.claim(key, ttlSeconds);
        this.markUp();
        const local = this.local.claimNow(key, ttlSeconds);
        return shared && local;
      } catch (error) {
        this.markLost(messageOf(error));
      }
    }
    const granted = this.local.claimNow(key, ttlSeconds);
    if (granted) this.rememberOutageClaim(key, ttlSeconds);
    return granted;
  }

  async release(key: string): Promise<void> {
    this.outageClaims.delete(key);
    await this.local.release(key);
    if (this.tryShared()) {
      try {
        await this.shared.release(key);
        this.markUp();
      } catch (error) {
        this.markLost(messageOf(error));
      }
    }
  }

  async get(key: string): Promise<string | null> {
    if (this.tryShared()) {
      try {
        const value = await this.shared.get(key);
        this.markUp();
        // A value written here during an outage is not in Redis: keep serving it.
        return value ?? (await this.local.get(key));
      } catch (error) {
        this.markLost(messageOf(error));
      }
    }
    return this.local.get(key);
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    if (this.tryShared()) {
      try {
        await this.shared.set(key, value, ttlSeconds);
        this.markUp();
        return;
      } catch (error) {
        this.markLost(messageOf(error));
      }
    }
    await this.local.set(key, value, ttlSeconds);
  }

  /** Deletes the scope here and in the shared store; the shared store's count when it answered. */
  async deleteScope(prefix: string): Promise<number> {
    const local = await this.local.deleteScope(prefix);
    for (const key of [...this.outageClaims.keys()]) {
      if (key.startsWith(prefix)) this.outageClaims.delete(key);
    }
    if (this.tryShared()) {
      try {
        const shared = await this.shared.deleteScope(prefix);
        this.markUp();
        return shared;
      } catch (error) {
        this.markLost(messageOf(error));
      }
    }
    return local;
  }

  async close(): Promise<void> {
    await this.shared.close();
    await this.local.close();
  }

  /**
   * Whether this call goes to the shared store: always while it is up; while lost, only once its
   * connection is back (the ready event usually says so first) and then once per probe interval,
   * so a stalled Redis costs one deadline per interval, not one per call.
   */
  private tryShared(): boolean {
    if (this.up) return true;
    if (!this.shared.ready || this.now() < this.nextProbeAt) return false;
    this.nextProbeAt = this.now() + this.probeIntervalMs;
    return true;
  }

  private markLost(reason: string): void {
    this.nextProbeAt = this.now() + this.probeIntervalMs;
    if (!this.up) return;
    this.up = false;
    this.logger.warn(
      `${LOST_WARNING} (${reason}); claims and values are kept in this process until it is back`,
    );
  }

  private markUp(): void {
    if (this.up) return;
    this.up = true;
    this.logger.info(BACK_INFO);
    void this.writeBackOutageClaims();
  }

  private rememberOutageClaim(key: string, ttlSeconds: number): void {
    this.outageClaims.set(key, this.now() + ttlSeconds * 1000);
    while (this.outageClaims.size > this.maxOutageClaims) {
      this.outageClaims.delete(this.outageClaims.keys().next().value as string);
    }
  }

  private async writeBackOutageClaims(): Promise<void> {
    const claims = [...this.outageClaims];
    this.outageClaims.clear();
    const now = this.now();
    await Promise.all(
      claims
        .filter(([, expiresAt]) => expiresAt > now)
        .map(([key, expiresAt]) =>
          // Best effort: if Redis is lost again, the claim is still held in this process.
          this.shared.claim(key, (expiresAt - now) / 1000).catch(() => false),
        ),
    );
  }
}

function messageOf(error: unknown): string {
  if (error instanceof StateStoreError) return error.detail;
  return error instanceof Error ? error.message : String(error);
}

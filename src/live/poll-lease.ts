import type { LiveStore } from "../state/live-store.js";

/** The lease's name in the live store. */
export const POLL_LEASE = "feed-poller";

export interface LeaseLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface PollLeaseOptions {
  store: LiveStore;
  /** This replica's id: unique per process (host, pid and a random part). */
  holder: string;
  /** POLL_LEASE_SECONDS, in milliseconds: how long the lease lasts without a renewal. */
  ttlMs: number;
  logger: LeaseLogger;
  nowMilliseconds?: () => number;
  /** The lease's name; POLL_LEASE unless told. */
  name?: string;
}

/**
 * Who polls the feeds: the replica holding a lease in the live store. Each replica tries every
 * third of the lease: the holder renews it, the others take it once it has expired, so when the
 * holder dies another takes over within one lease period and a third (the issue allows two). A
 * replica counts itself the holder only until its own last successful renewal plus the lease,
 * measured from before the call went out, so it stops first when Redis is lost: two pollers never
 * overlap by its clock.
 */
export class PollLease {
  private heldUntil = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly now: () => number;
  private readonly name: string;
  private wasHeld = false;
  private trying: Promise<boolean> | null = null;

  constructor(private readonly options: PollLeaseOptions) {
    this.now = options.nowMilliseconds ?? Date.now;
    this.name = options.name ?? POLL_LEASE;
  }

  /** True while this replica holds the lease. */
  get held(): boolean {
    return this.now() < this.heldUntil;
  }

  /** Tries at once, then every third of the lease until `stop`. */
  start(): void {
    void this.tryHold();
    this.timer = setInterval(() => void this.tryHold(), Math.max(1, this.options.ttlMs / 3));
    this.timer.unref?.();
  }

  /** One attempt to take or renew the lease; whether this replica holds it after. */
  tryHold(): Promise<boolean> {
    this.trying ??= this.attempt().finally(() => {
      this.trying = null;
    });
    return this.trying;
  }

  /** Stops renewing and gives the lease back, so another replica polls at once. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    const held = this.held;
    this.heldUntil = 0;
    if (held) {
      await this.options.store.releaseLease(this.name, this.options.holder).catch(() => undefined);
    }
  }

  private async attempt(): Promise<boolean> {
    const { store, holder, ttlMs, logger } = this.options;
    const sentAt = this.now();
    let got = false;
    try {
      got = await store.holdLease(this.name, holder, ttlMs);
    } catch (error) {
      if (this.wasHeld)
        logger.warn(
          `Feed polling: cannot renew the lease (${error instanceof Error ? error.message : error}); polling stops here until it is held again`,
        );
      this.wasHeld = false;
      this.heldUntil = 0;
      return false;
    }
    this.heldUntil = got ? sentAt + ttlMs : 0;
    if (got !== this.wasHeld)
      logger.info(
        got
          ? `Feed polling: this replica (${holder}) holds the lease and polls`
          : "Feed polling: another replica holds the lease",
      );
    this.wasHeld = got;
    return got;
  }
}

// Politeness per origin (scheme, host and port): one request at a time, a least interval between two,
// and after a 429 or 503 no request at all until the time the site gave (Retry-After).

interface OriginSlot {
  tail: Promise<void>;
  /** No request starts before this (ms since the epoch). */
  nextAt: number;
  /** A 429/503's Retry-After: requests before it are refused, not queued. */
  blockedUntil: number;
}

export interface OriginGate {
  /** Runs `task` when the origin is free and its interval has passed; one task per origin at a time. */
  run<T>(origin: string, task: () => Promise<T>): Promise<T>;
  /** The origin asked us to wait until `until` (ms since the epoch). */
  backOff(origin: string, until: number): void;
  /** When the origin may be asked again, if it asked us to wait. */
  blockedUntil(origin: string): number | null;
}

export function createOriginGate(
  minIntervalMs: number,
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): OriginGate {
  const slots = new Map<string, OriginSlot>();
  const slotOf = (origin: string) => {
    let slot = slots.get(origin);
    if (slot === undefined) {
      slot = { tail: Promise.resolve(), nextAt: 0, blockedUntil: 0 };
      slots.set(origin, slot);
    }
    return slot;
  };
  return {
    run(origin, task) {
      const slot = slotOf(origin);
      const result = slot.tail.then(async () => {
        const wait = slot.nextAt - now();
        if (wait > 0) await sleep(wait);
        try {
          return await task();
        } finally {
          slot.nextAt = now() + minIntervalMs;
        }
      });
      slot.tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    backOff(origin, until) {
      const slot = slotOf(origin);
      slot.blockedUntil = Math.max(slot.blockedUntil, until);
    },
    blockedUntil(origin) {
      const until = slots.get(origin)?.blockedUntil ?? 0;
      return until > now() ? until : null;
    },
  };
}

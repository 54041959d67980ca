/**
 * Remembers the event IDs the bot has taken, for `ttlMilliseconds`, so a retried delivery of the
 * same event (Slack resends when it thinks the first try timed out) is answered once. Bounded in
 * size: the oldest entries go first.
 */
export class SeenEvents {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly nowMilliseconds: () => number = Date.now,
    private readonly ttlMilliseconds = 60 * 60 * 1000,
    private readonly maxEntries = 50_000,
  ) {}

  /** Records the ID; returns false if it was already recorded (and not expired). */
  firstTime(eventId: string): boolean {
    const now = this.nowMilliseconds();
    const at = this.seen.get(eventId);
    if (at !== undefined && now - at < this.ttlMilliseconds) return false;
    this.seen.delete(eventId);
    this.seen.set(eventId, now);
    while (this.seen.size > this.maxEntries) {
      const oldest = this.seen.keys().next().value as string;
      this.seen.delete(oldest);
    }
    return true;
  }
}

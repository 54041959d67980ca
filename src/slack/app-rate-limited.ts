import type { Logger } from "@slack/bolt";

/** One warning a minute at most: Slack sends `app_rate_limited` for each limited minute. */
const WARN_EVERY_MILLISECONDS = 60_000;

/** True for Slack's `app_rate_limited` body, which has no inner event and no listener in Bolt. */
export function isAppRateLimited(body: unknown): boolean {
  return (
    typeof body === "object" &&
    body !== null &&
    (body as { type?: unknown }).type === "app_rate_limited"
  );
}

/**
 * Logs that Slack is dropping events for this app (over 30,000 an hour from one workspace), at
 * most once a minute however many notices arrive, so the warning is seen and the log is not flooded.
 */
export class RateLimitWarnings {
  private lastWarnedAt = Number.NEGATIVE_INFINITY;
  private suppressed = 0;

  constructor(
    private readonly logger: Logger,
    private readonly nowMilliseconds: () => number = Date.now,
  ) {}

  /** Records one `app_rate_limited` notice. */
  notice(body: { team_id?: unknown; minute_rate_limited?: unknown }): void {
    const now = this.nowMilliseconds();
    if (now - this.lastWarnedAt < WARN_EVERY_MILLISECONDS) {
      this.suppressed++;
      return;
    }
    const more =
      this.suppressed > 0 ? ` (${this.suppressed} more notices since the last warning)` : "";
    this.logger.warn(
      `Slack is rate limiting this app's events for team ${String(body.team_id)} since minute ${String(body.minute_rate_limited)}: events are being dropped${more}`,
    );
    this.lastWarnedAt = now;
    this.suppressed = 0;
  }
}

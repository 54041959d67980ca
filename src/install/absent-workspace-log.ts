/** Once an hour per workspace: enough for an admin to see it, not a line per message. */
export const ABSENT_LOG_INTERVAL_MS = 60 * 60 * 1000;
/** Workspaces remembered at once; past it the oldest are forgotten (and may be logged again). */
const MAX_REMEMBERED = 10_000;

/**
 * Logs requests from workspaces the bot cannot answer (not installed, uninstalled, or the store
 * unreachable) at most once per workspace per hour, so a busy workspace that removed the app, or
 * a flood of forged team ids, cannot fill the log.
 */
export class AbsentWorkspaceLog {
  private readonly lastLogged = new Map<string, number>();

  constructor(
    private readonly warn: (message: string) => void,
    private readonly nowMilliseconds: () => number = Date.now,
    private readonly intervalMs = ABSENT_LOG_INTERVAL_MS,
  ) {}

  /** Logs `message` unless `workspace` was logged within the interval. */
  notice(workspace: string, message: string): void {
    const now = this.nowMilliseconds();
    const last = this.lastLogged.get(workspace);
    if (last !== undefined && now - last < this.intervalMs) return;
    this.lastLogged.delete(workspace);
    this.lastLogged.set(workspace, now);
    while (this.lastLogged.size > MAX_REMEMBERED) {
      this.lastLogged.delete(this.lastLogged.keys().next().value as string);
    }
    this.warn(message);
  }
}

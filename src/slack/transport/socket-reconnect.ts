// Socket Mode, kept connected: the Socket Mode client (3.x) waits 5 s before its first reconnect
// and 5 s more for each failure after, and a reconnect refused for good (a revoked or rotated token)
// rejects a promise nobody awaits, which kills the process on an unhandled rejection. This
// replaces its reconnect scheduling: at once, then backing off; and a token problem goes to
// `onFatal`, so the bot can exit with a line naming it.

/** Waits before reconnect attempt `n` (1 = the first after a drop): at once, then backing off. */
export function reconnectDelayMs(attempt: number): number {
  if (attempt <= 1) return 0;
  return Math.min(30_000, 500 * 2 ** (attempt - 2));
}

/** Slack's errors that say the token itself is refused: retrying cannot help. */
const TOKEN_ERRORS = new Set([
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "account_inactive",
  "not_allowed_token_type",
]);

/**
 * One line naming the token problem when `error` is Slack refusing a token, else null. `token`
 * names the variable the refused token came from.
 */
export function describeTokenProblem(error: unknown, token: string): string | null {
  const code = (error as { data?: { error?: unknown } } | null)?.data?.error;
  if (typeof code !== "string" || !TOKEN_ERRORS.has(code)) return null;
  return `Slack refused ${token} (${code}): it was revoked, rotated or mistyped; set a valid token and restart`;
}

/** The parts of @slack/socket-mode's client this relies on. */
interface ReconnectingClient {
  numOfConsecutiveReconnectionFailures: number;
  shuttingDown: boolean;
  reconnectionTimer: NodeJS.Timeout | undefined;
  delayReconnectAttempt: (cb: () => Promise<unknown>) => Promise<unknown>;
  emit: (event: string) => boolean;
}

/**
 * Takes over the client's reconnect scheduling (its `delayReconnectAttempt`, the one hook it
 * calls for both a dropped socket and a failed `apps.connections.open`). A reconnect that fails
 * for good calls `onFatal` instead of rejecting unheard.
 */
export function superviseReconnects(client: unknown, onFatal: (error: unknown) => void): void {
  const target = client as ReconnectingClient;
  if (typeof target.delayReconnectAttempt !== "function")
    throw new Error("Socket Mode: this client version has no reconnect hook to supervise");
  target.delayReconnectAttempt = function (this: ReconnectingClient, cb) {
    this.numOfConsecutiveReconnectionFailures += 1;
    const delay = reconnectDelayMs(this.numOfConsecutiveReconnectionFailures);
    return new Promise((resolve) => {
      this.reconnectionTimer = setTimeout(() => {
        this.reconnectionTimer = undefined;
        if (this.shuttingDown) return;
        this.emit("reconnecting");
        cb.apply(this).then(resolve, onFatal);
      }, delay);
    });
  };
}

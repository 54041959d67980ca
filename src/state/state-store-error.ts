/**
 * The shared state store cannot be used (Redis unreachable at start, or a command that failed).
 * The message is one line that names what failed, never a password.
 */
export class StateStoreError extends Error {
  readonly code = "STATE_STORE_UNAVAILABLE";

  /** @param detail what failed, without the "State store:" prefix the message gets. */
  constructor(readonly detail: string) {
    super(`State store: ${detail}`);
    this.name = "StateStoreError";
  }
}

/**
 * The bot's shared state behind one small async interface, so one process keeps it in memory and
 * several replicas share it (Redis). Every key is namespaced by its caller (`event:…`, `share:…`,
 * `thread:…`, `answer:…`); values are strings (callers store JSON).
 *
 * Implementations never throw for a lost backend in the middle of a call they can answer safely
 * elsewhere; they do bound every call with a short deadline.
 */
export interface StateStore {
  /**
   * Claims `key` for `ttlSeconds`: true for the first caller (in any replica), false while the
   * claim stands. Used so a retried event or a double click is answered once.
   */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /**
   * Gives a claim back before it expires, so work that failed can be tried again (the user clicks
   * Share again after an apology; Slack's next retry of an event that was not answered).
   */
  release(key: string): Promise<void>;
  /** The value stored under `key`, or null when there is none or it expired. */
  get(key: string): Promise<string | null>;
  /** Stores `value` under `key` for `ttlSeconds`, replacing what was there. */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /**
   * Deletes every key that starts with `prefix` (a workspace's scope, on uninstall) and returns
   * how many went. Refuses the empty prefix, which would be every key. Bounded by a total deadline:
   * keys it could not reach in time still expire on their own TTL.
   */
  deleteScope(prefix: string): Promise<number>;
  /** Releases connections and timers; the store is not used after. */
  close(): Promise<void>;
}

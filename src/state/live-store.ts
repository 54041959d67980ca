/**
 * What the live desk (feed polling, follows, digests, reloads) shares between replicas, beside the
 * claims and values of `StateStore`: a lease only one holder has at a time, small groups of records
 * every replica can list, and a message channel every replica hears. In process without Redis
 * (one replica), in Redis with it. Kept apart from `StateStore` so its claims keep their simple
 * contract and fallback (a lease cannot fall back to a process: two replicas would both hold it).
 *
 * Calls reject with `StateStoreError` when the backend cannot answer; every call has a deadline.
 */
export interface LiveStore {
  /**
   * Takes the lease `name` for `holder` when nobody holds it, or renews it when `holder` already
   * does, for `ttlMs` from now. True while `holder` holds it; false when another does.
   */
  holdLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease back when `holder` holds it (a clean stop), so another takes it at once. */
  releaseLease(name: string, holder: string): Promise<void>;
  /** Stores one record of a group (a follow, a feed's state), replacing the one with that id. */
  putRecord(group: string, id: string, value: string): Promise<void>;
  /** Removes one record; true when there was one. */
  deleteRecord(group: string, id: string): Promise<boolean>;
  /** Every record of a group, by id. Groups stay small (channels, feeds). */
  records(group: string): Promise<Map<string, string>>;
  /**
   * Stores the records whose id the group does not hold yet, leaving the others as they are, in
   * one step; returns the ids that were new.
   */
  addMissingRecords(group: string, entries: ReadonlyMap<string, string>): Promise<string[]>;
  /** Tells every subscriber of `topic`, in every replica (this one included). */
  publish(topic: string, message: string): Promise<void>;
  /** Hears `topic` until the store is closed. */
  subscribe(topic: string, listener: (message: string) => void): Promise<void>;
  close(): Promise<void>;
}

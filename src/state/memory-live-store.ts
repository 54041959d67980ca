import type { LiveStore } from "./live-store.js";

/**
 * The live store of one process: the lease has one possible holder, records are maps, and a
 * published message reaches this process's subscribers. The clock is passed in so tests control
 * lease expiry.
 */
export class MemoryLiveStore implements LiveStore {
  private readonly leases = new Map<string, { holder: string; expiresAt: number }>();
  private readonly groups = new Map<string, Map<string, string>>();
  private readonly listeners = new Map<string, ((message: string) => void)[]>();

  constructor(private readonly nowMilliseconds: () => number = Date.now) {}

  async holdLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.nowMilliseconds();
    const lease = this.leases.get(name);
    if (lease !== undefined && lease.expiresAt > now && lease.holder !== holder) return false;
    this.leases.set(name, { holder, expiresAt: now + ttlMs });
    return true;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    if (this.leases.get(name)?.holder === holder) this.leases.delete(name);
  }

  async putRecord(group: string, id: string, value: string): Promise<void> {
    this.group(group).set(id, value);
  }

  async deleteRecord(group: string, id: string): Promise<boolean> {
    return this.group(group).delete(id);
  }

  async records(group: string): Promise<Map<string, string>> {
    return new Map(this.group(group));
  }

  async addMissingRecords(group: string, entries: ReadonlyMap<string, string>): Promise<string[]> {
    const records = this.group(group);
    const added: string[] = [];
    for (const [id, value] of entries) {
      if (records.has(id)) continue;
      records.set(id, value);
      added.push(id);
    }
    return added;
  }

  async publish(topic: string, message: string): Promise<void> {
    // Asynchronous, as a message through Redis is: the publisher's call returns first.
    for (const listener of this.listeners.get(topic) ?? []) queueMicrotask(() => listener(message));
  }

  async subscribe(topic: string, listener: (message: string) => void): Promise<void> {
    this.listeners.set(topic, [...(this.listeners.get(topic) ?? []), listener]);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }

  private group(name: string): Map<string, string> {
    let group = this.groups.get(name);
    if (group === undefined) {
      group = new Map();
      this.groups.set(name, group);
    }
    return group;
  }
}

import type { InstallationRecords } from "../../src/install/installation-records.js";

/** Installation records in a Map, which can be made to fail like a Redis that went away. */
export class MapInstallationRecords implements InstallationRecords {
  readonly map = new Map<string, string>();
  down = false;

  async read(key: string): Promise<string | null> {
    if (this.down) throw new Error("connection refused");
    return this.map.get(key) ?? null;
  }

  async write(key: string, value: string): Promise<void> {
    this.map.set(key, value);
  }

  async remove(key: string): Promise<void> {
    this.map.delete(key);
  }

  async close(): Promise<void> {}
}

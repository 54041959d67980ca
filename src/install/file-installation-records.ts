import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { checkRecordKey, type InstallationRecords } from "./installation-records.js";

/**
 * One file per installation under INSTALLATIONS_DIR, readable by the bot's user only. A write goes
 * to a temporary file renamed into place, so a crash mid-write leaves the old record whole.
 */
export class FileInstallationRecords implements InstallationRecords {
  private ready: Promise<unknown> | null = null;

  constructor(private readonly dir: string) {}

  async read(key: string): Promise<string | null> {
    try {
      return await readFile(this.path(key), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async write(key: string, value: string): Promise<void> {
    this.ready ??= mkdir(this.dir, { recursive: true, mode: 0o700 });
    await this.ready;
    const path = this.path(key);
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, value, { mode: 0o600 });
    await rename(temporary, path);
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async close(): Promise<void> {}

  private path(key: string): string {
    return join(this.dir, `${checkRecordKey(key)}.sealed`);
  }
}

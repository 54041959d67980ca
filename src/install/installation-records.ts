/**
 * Where sealed installation records live, by key: files on one machine, Redis for replicas. Values
 * are opaque text (already encrypted); a backend that cannot answer throws, so the caller can fall
 * back on what it saw recently.
 */
export interface InstallationRecords {
  read(key: string): Promise<string | null>;
  write(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Keys are built from Slack ids (`T…`, `E…`) that arrive in request bodies; anything else is
 * refused before it can name a file or a Redis key.
 */
const RECORD_KEY = /^[A-Za-z0-9_-]{1,120}$/;

export function checkRecordKey(key: string): string {
  if (!RECORD_KEY.test(key))
    throw new Error(`Installation store: malformed key "${key.slice(0, 40)}"`);
  return key;
}

import type { Logger } from "@slack/bolt";

/**
 * A Bolt logger that keeps what it was told: every line as "level text" in `lines`, and the
 * warnings' texts alone in `warnings`, for tests that check what a listener or wrapper logged.
 */
export function recordingBoltLogger(): { logger: Logger; lines: string[]; warnings: string[] } {
  const lines: string[] = [];
  const warnings: string[] = [];
  const record =
    (level: string) =>
    (...parts: unknown[]) => {
      const text = parts.join(" ");
      lines.push(`${level} ${text}`);
      if (level === "warn") warnings.push(text);
    };
  const logger = {
    debug: record("debug"),
    info: record("info"),
    warn: record("warn"),
    error: record("error"),
    setLevel() {},
    getLevel() {},
    setName() {},
  } as never as Logger;
  return { logger, lines, warnings };
}

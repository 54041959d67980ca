import type { Logger } from "@slack/bolt";

/** A Bolt logger that keeps every line as "<level> <parts joined by spaces>", for a test to read. */
export function recordingLogger(): { logger: Logger; logs: string[] } {
  const logs: string[] = [];
  const record =
    (level: string) =>
    (...parts: unknown[]) => {
      logs.push(`${level} ${parts.join(" ")}`);
    };
  const logger: Logger = {
    debug: record("debug"),
    info: record("info"),
    warn: record("warn"),
    error: record("error"),
    setLevel: () => {},
    getLevel: () => "debug" as never,
    setName: () => {},
  };
  return { logger, logs };
}

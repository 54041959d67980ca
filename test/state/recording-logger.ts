import type { StateLogger } from "../../src/state/state-logger.js";

/** A logger that keeps what it was told, for tests that count warnings. */
export class RecordingLogger implements StateLogger {
  readonly warnings: string[] = [];
  readonly infos: string[] = [];

  warn(message: string): void {
    this.warnings.push(message);
  }

  info(message: string): void {
    this.infos.push(message);
  }
}

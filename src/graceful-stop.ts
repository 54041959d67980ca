/** Exit code of a forced stop (second signal, or the drain ran out of time): not a clean one. */
export const EXIT_FORCED = 1;

/** The signals that stop the bot. */
export const STOP_SIGNALS = ["SIGTERM", "SIGINT"] as const;

export interface GracefulStopOptions {
  /** SHUTDOWN_TIMEOUT_MS: how long work in flight may take before the exit is forced. */
  timeoutMs: number;
  /** Stops what starts new work (a corpus watch, the reloader), at once and synchronously. */
  refuseNewWork: () => void;
  /** Closes the rest in order, letting work in flight finish (receiver, queue, stores). */
  drain: () => Promise<void>;
  logger: { info: (message: string) => void; warn: (message: string) => void };
  /** Where a forced stop is said: standard error, as every line that ends the process. */
  error?: (line: string) => void;
  exit?: (code: number) => void;
}

/**
 * SIGTERM and SIGINT stop the bot: no new requests, work in flight drained for at most
 * `timeoutMs`, then exit 0; a second signal, or a drain past its time, exits at once with
 * EXIT_FORCED, so a supervisor's stop never hangs.
 */
export class GracefulStop {
  #stopping = false;
  readonly #error: (line: string) => void;
  readonly #exit: (code: number) => void;

  constructor(private readonly options: GracefulStopOptions) {
    this.#error = options.error ?? ((line) => console.error(line));
    this.#exit = options.exit ?? ((code) => process.exit(code));
  }

  /** True once a stop has begun: a start still under way should not start more. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /** Stops on each of `signals` arriving at `target`. */
  listen(target: Pick<NodeJS.Process, "on"> = process, signals = STOP_SIGNALS): void {
    for (const signal of signals) target.on(signal, () => void this.stop(signal));
  }

  async stop(signal: string): Promise<void> {
    const { timeoutMs, logger } = this.options;
    if (this.#stopping) {
      this.#error(`${signal} again: exiting now, without finishing requests in flight`);
      this.#exit(EXIT_FORCED);
      return;
    }
    this.#stopping = true;
    this.options.refuseNewWork();
    logger.info(`${signal}: finishing requests in flight (at most ${timeoutMs} ms), then stopping`);
    setTimeout(() => {
      this.#error(`Stop: work still in flight after ${timeoutMs} ms; exiting`);
      this.#exit(EXIT_FORCED);
    }, timeoutMs).unref();
    try {
      await this.options.drain();
    } catch (error) {
      logger.warn(`Stop: ${error instanceof Error ? error.message : error}`);
    }
    logger.info("Stopped");
    this.#exit(0);
  }
}

// Takes new articles without a restart: builds the next index beside the one being served and swaps
// it in at once, so no request fails or waits for a rebuild. The builder is passed in (the bot's
// builds off its main thread); a corpus that fails the check keeps the old index.
import { type FSWatcher, watch } from "node:fs";
import { CorpusError } from "../corpus/corpus-error.js";

/** How long the folder must be quiet after a change before a watch-triggered reload starts. */
export const DEFAULT_DEBOUNCE_MS = 500;

export interface ReloadLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface IndexReloaderOptions<T> {
  /** What is served now: the index the bot started with. */
  current: T;
  /** Builds the next value from the corpus as it stands. Throws CorpusError on a bad file. */
  build: () => Promise<T>;
  /** Passages in a value, for the log line that says what changed. */
  passagesOf: (value: T) => number;
  logger: ReloadLogger;
  /** Milliseconds, for the time a build took; `performance.now` unless told. */
  now?: () => number;
  /** Quiet time before a `changed()` turns into a reload. */
  debounceMs?: number;
  /**
   * Told of the value a swap replaced, once the next one is served (the bot stops its serving
   * thread when that thread has answered what it was asked).
   */
  retire?: (old: T) => void;
}

/** What one build ended in. */
export type ReloadOutcome =
  | { kind: "swapped"; before: number; after: number; elapsedMs: number }
  | { kind: "kept"; reason: string };

/**
 * One line for a build that failed: every bad file with what is wrong, or the error's message.
 * Names the file, so an operator knows what to fix without reading a stack.
 */
export function describeReloadFailure(error: unknown): string {
  if (error instanceof CorpusError) {
    return error.problems.map((p) => `${p.file}: ${p.message.replace(/\s+/g, " ")}`).join("; ");
  }
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ");
}

/**
 * Holds the value being served and replaces it when asked. One build at a time: a reload asked
 * for while one builds runs once more after it (however many were asked for meanwhile), so the
 * last change is always picked up and two builds never compete for the CPU.
 */
export class IndexReloader<T> {
  private served: T;
  private requested: string[] = [];
  private loop: Promise<ReloadOutcome | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;
  private readonly debounceMs: number;

  constructor(private readonly options: IndexReloaderOptions<T>) {
    this.served = options.current;
    this.now = options.now ?? (() => performance.now());
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  }

  /** The value to serve a request with; read it per request, not once. */
  get current(): T {
    return this.served;
  }

  /** True while a build runs. */
  get building(): boolean {
    return this.loop !== null;
  }

  /**
   * Rebuilds now (`why` goes into the log: `SIGHUP`, `corpus changed`). Resolves when the build
   * that covers this request has ended, with its outcome; never rejects.
   */
  reload(why: string): Promise<ReloadOutcome | null> {
    this.requested.push(why);
    if (this.loop === null) {
      this.loop = this.drain().finally(() => {
        this.loop = null;
      });
    }
    return this.loop;
  }

  /**
   * A change was seen (a watch event): reloads once the folder has been quiet for `debounceMs`,
   * so a burst of events (an editor's save, a copy of many files) costs one build.
   */
  changed(why = "corpus changed"): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.reload(why);
    }, this.debounceMs);
  }

  /** Drops a pending debounced reload (on stop). */
  close(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async drain(): Promise<ReloadOutcome | null> {
    let outcome: ReloadOutcome | null = null;
    while (this.requested.length > 0) {
      const why = [...new Set(this.requested)].join(", ");
      this.requested = [];
      outcome = await this.buildOnce(why);
    }
    return outcome;
  }

  private async buildOnce(why: string): Promise<ReloadOutcome> {
    const { build, passagesOf, logger } = this.options;
    const before = passagesOf(this.served);
    const started = this.now();
    let next: T;
    try {
      next = await build();
    } catch (error) {
      const reason = describeReloadFailure(error);
      logger.warn(`Reload (${why}): kept the old index (${before} passages): ${reason}`);
      return { kind: "kept", reason };
    }
    const old = this.served;
    this.served = next;
    this.options.retire?.(old);
    const after = passagesOf(next);
    const elapsedMs = Math.round(this.now() - started);
    logger.info(`Reload (${why}): ${before} → ${after} passages in ${elapsedMs} ms`);
    return { kind: "swapped", before, after, elapsedMs };
  }
}

/**
 * Watches the corpus folder and tells the reloader of each change to an article file. Hidden
 * files are skipped: corpus:add writes `.…adding` and renames it in, and the rename is the change.
 * A watch that cannot start, or fails later, is a warning, not a stop: SIGHUP still reloads.
 * Returns a function that stops the watch. A watch misses events on some network filesystems,
 * which is why SIGHUP is the default (docs/deploy.md).
 */
export function watchCorpus(
  corpusDir: string,
  reloader: Pick<IndexReloader<unknown>, "changed">,
  logger: Pick<ReloadLogger, "warn">,
): () => void {
  const warn = (what: string, error: unknown) =>
    logger.warn(
      `Reload: ${what} ${corpusDir} (${error instanceof Error ? error.message : error}); SIGHUP still reloads`,
    );
  let watcher: FSWatcher;
  try {
    watcher = watch(corpusDir, (_event, name) => {
      if (name !== null && String(name).startsWith(".")) return;
      reloader.changed(`corpus changed${name ? `: ${name}` : ""}`);
    });
  } catch (error) {
    warn("cannot watch", error);
    return () => {};
  }
  watcher.on("error", (error) => warn("the watch failed on", error));
  return () => watcher.close();
}

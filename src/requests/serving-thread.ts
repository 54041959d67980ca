// The bot serves its index from a worker thread of its own. The main thread keeps only what Slack
// needs (the receiver, the queue, the state store), so nothing the index does can hold its event
// loop: not loading or building the next index on a reload (a new thread does that beside the one
// serving), not the garbage collection of a heap of hundreds of MiB, not a slow question. Acks,
// /health and url_verification are answered meanwhile. The terminal answers in process instead
// (requests/request-answerer.ts): it has one request and nothing else to serve.
import type { Worker } from "node:worker_threads";
import type { IndexSettings } from "../config.js";
import { CorpusError, type CorpusProblem } from "../corpus/corpus-error.js";
import type { CorpusStats } from "../format/home-view.js";
import type { Digest } from "../news/digest.js";
import { startWorker, workerUrl } from "../threads/start-worker.js";
import type { Reply } from "./answer-request.js";
import type { Request } from "./route-request.js";

/** What the main thread keeps of the index served: small, read on every Home tab and health check. */
export interface ServingSummary {
  /** Questions the articles answer confidently, best first (suggested prompts, Home, help). */
  examples: readonly string[];
  stats: CorpusStats;
  /** Every article id of the index, for the digests (which articles are served). */
  articleIds: readonly string[];
  /** `prebuilt` when loaded from the index file, `corpus` when built from the articles. */
  source: "prebuilt" | "corpus";
  /** Why the prebuilt file was not used, when it was not. */
  reason?: string;
}

/** What the main thread asks the serving thread. */
export type ServingRequest =
  | { kind: "ask"; id: number; request: Request; commandName: string }
  | { kind: "digest"; id: number; batch: string[] };

/** What the serving thread posts back. */
export type ServingMessage =
  | { kind: "warn"; message: string }
  | { kind: "ready"; summary: ServingSummary }
  | { kind: "corpus-error"; problems: CorpusProblem[] }
  | { kind: "failed"; message: string; code?: string }
  | { kind: "answered"; id: number; reply: Reply }
  | { kind: "digested"; id: number; digest: Digest }
  | { kind: "request-failed"; id: number; message: string };

export interface ServingThreadOptions {
  /** Told of each corpus entry skipped, from the thread's build or load. */
  warn: (message: string) => void;
  /**
   * How long one request may take before it is given up (JOB_DEADLINE_MS: a reply later than the
   * job's deadline is never posted).
   */
  requestDeadlineMs: number;
  /** Told when the thread stops while it was not retired (a crash, out of memory). */
  onUnexpectedExit?: (thread: ServingThread, why: string) => void;
}

/** A request to a serving thread got no reply: the thread stopped, or the deadline passed. */
export class ServingThreadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ServingThreadError";
  }
}

const WORKER_URL = workerUrl("serving-worker", import.meta.url);

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Why the thread did not open, as the main thread's code expects it (a CorpusError stays one);
 * null when it stopped without saying.
 */
function openError(
  message: Extract<ServingMessage, { kind: "corpus-error" | "failed" }> | null,
): Error {
  if (message === null) return new Error("Index: the serving thread stopped before it was ready");
  if (message.kind === "corpus-error") return new CorpusError(message.problems);
  return Object.assign(new Error(message.message), message.code ? { code: message.code } : {});
}

/**
 * One index, served from its own worker thread: `open` starts the thread, which loads the prebuilt
 * file or builds from the corpus (see `openIndex`), and resolves once it answers. A reload opens
 * the next one and retires this one, which finishes what it was asked and stops.
 */
export class ServingThread {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly served: ReadonlySet<string>;
  private retired = false;
  private stopped: string | null = null;

  private constructor(
    private readonly worker: Worker,
    readonly summary: ServingSummary,
    private readonly options: ServingThreadOptions,
  ) {
    this.served = new Set(summary.articleIds);
    worker.on("message", (message: ServingMessage) => this.received(message));
    worker.on("error", (error) => this.stop(`the serving thread failed: ${error.message}`));
    worker.on("exit", (code) => this.stop(`the serving thread exited (code ${code})`));
  }

  /** Starts a thread serving the index of `settings`; rejects as `openIndex` would. */
  static open(settings: IndexSettings, options: ServingThreadOptions): Promise<ServingThread> {
    return new Promise((resolve, reject) => {
      let worker: Worker;
      try {
        const { corpusDir, indexFile, maxArticleBytes } = settings;
        worker = startWorker(WORKER_URL, {
          workerData: { settings: { corpusDir, indexFile, maxArticleBytes } },
        });
      } catch (error) {
        reject(error);
        return;
      }
      let settled = false;
      const onMessage = (message: ServingMessage) => {
        if (message.kind === "warn") options.warn(message.message);
        else if (message.kind === "ready") {
          settled = true;
          worker.off("message", onMessage);
          resolve(new ServingThread(worker, message.summary, options));
        } else if (message.kind === "corpus-error" || message.kind === "failed") {
          settled = true;
          reject(openError(message));
          void worker.terminate();
        }
      };
      worker.on("message", onMessage);
      worker.once("error", (error) => {
        if (!settled) reject(error);
        settled = true;
      });
      worker.once("exit", () => {
        if (!settled) reject(openError(null));
        settled = true;
      });
    });
  }

  get passages(): number {
    return this.summary.stats.passages;
  }

  get articleIds(): readonly string[] {
    return this.summary.articleIds;
  }

  /** True when the served index holds the article. */
  has(articleId: string): boolean {
    return this.served.has(articleId);
  }

  /** Answers a routed request from the index, as `answererFor`'s answerer does. */
  ask(request: Request, commandName: string): Promise<Reply> {
    return this.send((id) => ({ kind: "ask", id, request, commandName }));
  }

  /** What the articles `batch` (ids) add to the story, as `digestOf` says. */
  digest(batch: ReadonlySet<string>): Promise<Digest> {
    return this.send((id) => ({ kind: "digest", id, batch: [...batch] }));
  }

  /**
   * Stops the thread once what it was asked is answered (each request has its deadline). A retired
   * thread is stopped on purpose: its exit is not reported as unexpected.
   */
  async retire(): Promise<void> {
    this.retired = true;
    if (this.stopped !== null) return;
    while (this.pending.size > 0 && this.stopped === null) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await this.worker.terminate();
  }

  private send<T>(make: (id: number) => ServingRequest): Promise<T> {
    if (this.stopped !== null) return Promise.reject(new ServingThreadError(this.stopped));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new ServingThreadError(
            `the index did not answer within ${this.options.requestDeadlineMs} ms`,
          ),
        );
      }, this.options.requestDeadlineMs);
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject, timer });
      this.worker.postMessage(make(id));
    });
  }

  private received(message: ServingMessage): void {
    if (message.kind === "warn") {
      this.options.warn(message.message);
      return;
    }
    if (!("id" in message)) return;
    const pending = this.pending.get(message.id);
    if (pending === undefined) return; // past its deadline: the caller has given up
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    if (message.kind === "answered") pending.resolve(message.reply as never);
    else if (message.kind === "digested") pending.resolve(message.digest as never);
    else pending.reject(new ServingThreadError(message.message));
  }

  private stop(why: string): void {
    if (this.stopped !== null) return;
    this.stopped = why;
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(new ServingThreadError(why));
    }
    this.pending.clear();
    if (!this.retired) this.options.onUnexpectedExit?.(this, why);
  }
}

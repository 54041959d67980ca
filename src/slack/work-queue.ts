export interface WorkQueueOptions {
  /** Jobs awaiting I/O at once (replies being posted). */
  maxRunning?: number;
  /**
   * Jobs queued beyond those; `push` refuses more. It bounds memory, and how late a reply can be:
   * at a few thousand replies a second, a full queue drains in about a second.
   */
  maxWaiting?: number;
  /**
   * Time, in ms, spent starting jobs in one turn of the event loop before requests get a turn: as
   * long as the rest of the turn took (acks and replies share the time evenly), within these bounds.
   */
  sliceMs?: { min: number; max: number };
  /**
   * A job still running after this many ms gives up its slot (its calls have their own deadlines;
   * this bounds a job whatever it awaits), so hung calls cannot wedge the queue. None if not given.
   */
  jobDeadlineMs?: number;
  /** Told when a job runs past its deadline. */
  onDeadline?: () => void;
  now?: () => number;
}

/**
 * Runs the work that follows an ack (answering, rendering, posting the reply) in slices between
 * turns of the event loop, so that new requests are read and acked in between. Under load, acks
 * stay fast and replies keep flowing: each turn starts queued jobs for as long as the rest of the
 * turn took, within bounds, however many requests arrived in it. When replies cannot keep up, the
 * queue fills and `push` refuses, so the caller can say "busy" at once rather than answer late.
 */
export class WorkQueue {
  private readonly waiting: (() => Promise<void>)[] = [];
  private running = 0;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];
  private readonly maxRunning: number;
  private readonly maxWaiting: number;
  private readonly sliceMs: { min: number; max: number };
  /** When the last slice ended: the time since is what the rest of the loop took. */
  private lastSliceEnd: number;
  private readonly now: () => number;
  /** Jobs refused because the queue was full, since start. */
  refused = 0;
  /** Jobs that ran past their deadline, since start. */
  overran = 0;
  private readonly jobDeadlineMs: number | undefined;
  private readonly onDeadline: (() => void) | undefined;

  constructor(options: WorkQueueOptions = {}) {
    this.maxRunning = options.maxRunning ?? 64;
    this.maxWaiting = options.maxWaiting ?? 2_000;
    this.sliceMs = options.sliceMs ?? { min: 5, max: 50 };
    this.now = options.now ?? (() => performance.now());
    this.jobDeadlineMs = options.jobDeadlineMs;
    this.onDeadline = options.onDeadline;
    this.lastSliceEnd = this.now();
  }

  /** Queues a job; false when the queue is full and the job was not taken. */
  push(job: () => Promise<void>): boolean {
    if (this.waiting.length >= this.maxWaiting) {
      this.refused++;
      return false;
    }
    this.waiting.push(job);
    this.schedule();
    return true;
  }

  /** Jobs queued or running. */
  get size(): number {
    return this.waiting.length + this.running;
  }

  /** Resolves once every queued and running job has finished. */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0 || this.running >= this.maxRunning) return;
    this.scheduled = true;
    // setImmediate runs after the event loop has read the sockets that are ready: acks first.
    setImmediate(() => {
      this.scheduled = false;
      this.runSlice();
    });
  }

  private runSlice(): void {
    const started = this.now();
    const { min, max } = this.sliceMs;
    // Under load the time since the last slice is the time spent reading and acking requests:
    // giving replies as much keeps both moving. Idle, the gap is long and the max bounds it.
    const budget = Math.min(max, Math.max(min, started - this.lastSliceEnd));
    while (
      this.waiting.length > 0 &&
      this.running < this.maxRunning &&
      this.now() - started < budget
    ) {
      this.start(this.waiting.shift() as () => Promise<void>);
    }
    this.lastSliceEnd = this.now();
    this.schedule();
  }

  private start(job: () => Promise<void>): void {
    this.running++;
    // Jobs handle their own errors; a rejection here would be a bug, and must not stop the queue.
    let running: Promise<void>;
    try {
      running = job();
    } catch {
      running = Promise.resolve();
    }
    let timer: NodeJS.Timeout | undefined;
    if (this.jobDeadlineMs !== undefined) {
      const ms = this.jobDeadlineMs;
      const overran = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          this.overran++;
          this.onDeadline?.();
          resolve();
        }, ms);
      });
      running = Promise.race([running, overran]);
    }
    void running
      .catch(() => {})
      .finally(() => {
        clearTimeout(timer);
        this.running--;
        this.schedule();
        if (this.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
  }
}

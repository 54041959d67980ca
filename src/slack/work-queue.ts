/**
 * Runs the work that follows an ack (answering, rendering, posting the reply) one job per turn of
 * the event loop, so that new requests are read and acked in between. Under load, acks stay fast
 * and replies queue, within bounds, instead of every request waiting for all the others' replies.
 */
export class WorkQueue {
  private readonly waiting: (() => Promise<void>)[] = [];
  private running = 0;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];

  /**
   * @param maxRunning jobs awaiting I/O at once (replies being posted)
   * @param maxWaiting jobs queued beyond those; `push` refuses more, so memory stays bounded
   */
  constructor(
    private readonly maxRunning = 64,
    private readonly maxWaiting = 10_000,
  ) {}

  /** Queues a job; false when the queue is full and the job was not taken. */
  push(job: () => Promise<void>): boolean {
    if (this.waiting.length >= this.maxWaiting) return false;
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
    setImmediate(() => {
      this.scheduled = false;
      this.runNext();
    });
  }

  private runNext(): void {
    const job = this.waiting.shift();
    if (!job) return;
    this.running++;
    // Jobs handle their own errors; a rejection here would be a bug, and must not stop the queue.
    void job()
      .catch(() => {})
      .finally(() => {
        this.running--;
        this.schedule();
        if (this.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
    this.schedule();
  }
}

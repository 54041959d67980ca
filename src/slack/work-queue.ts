import { AsyncResource } from "node:async_hooks";
/**
 * Which endpoint a job's reply posts to. Each lane has its own running slots, so replies stuck on
 * one endpoint (hung `response_url` posts) cannot hold the slots replies to another need
 * (`chat.postMessage` for mentions and DMs).
 */
export type ReplyLane = "response_url" | "web_api" | "default";

export interface WorkQueueOptions {
  /** Jobs awaiting I/O at once (replies being posted), in each lane. */
  maxRunning?: number;
  /**
   * Jobs queued beyond those, all lanes together; `push` refuses more. It bounds memory, and how late a reply can be:
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
 * Jobs go in lanes by the endpoint they post to; each lane runs up to `maxRunning` jobs, and a
 * slice takes from the lanes in turn.
 */
export class WorkQueue {
  private readonly lanes = new Map<ReplyLane, Lane>();
  /** Jobs waiting, all lanes together. */
  private waitingCount = 0;
  private running = 0;
  /** Where the next slice starts its round of the lanes, so that none goes first every time. */
  private nextLane = 0;
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

  /**
   * Queues a job in `lane`; false when the queue is full and the job was not taken. The job runs in
   * the async context it was queued from (`AsyncResource.bind`), so what a request set there (its
   * workspace, in OAuth mode) is still there when the queue starts it on a later turn.
   */
  push(job: () => Promise<void>, lane: ReplyLane = "default"): boolean {
    if (this.waitingCount >= this.maxWaiting) {
      this.refused++;
      return false;
    }
    let entry = this.lanes.get(lane);
    if (!entry) {
      entry = { waiting: [], running: 0 };
      this.lanes.set(lane, entry);
    }
    entry.waiting.push(AsyncResource.bind(job));
    this.waitingCount++;
    this.schedule();
    return true;
  }

  /** Jobs queued or running. */
  get size(): number {
    return this.waitingCount + this.running;
  }

  /** Resolves once every queued and running job has finished. */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** A lane with a job waiting and a slot free, taking the lanes in turn; undefined when none. */
  private startableLane(): Lane | undefined {
    const lanes = [...this.lanes.values()];
    for (let i = 0; i < lanes.length; i++) {
      const lane = lanes[(this.nextLane + i) % lanes.length] as Lane;
      if (lane.waiting.length > 0 && lane.running < this.maxRunning) {
        this.nextLane = (this.nextLane + i + 1) % lanes.length;
        return lane;
      }
    }
    return undefined;
  }

  private hasStartable(): boolean {
    for (const lane of this.lanes.values())
      if (lane.waiting.length > 0 && lane.running < this.maxRunning) return true;
    return false;
  }

  private schedule(): void {
    if (this.scheduled || !this.hasStartable()) return;
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
    while (this.now() - started < budget) {
      const lane = this.startableLane();
      if (!lane) break;
      this.waitingCount--;
      this.start(lane, lane.waiting.shift() as () => Promise<void>);
    }
    this.lastSliceEnd = this.now();
    this.schedule();
  }

  private start(lane: Lane, job: () => Promise<void>): void {
    this.running++;
    lane.running++;
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
        lane.running--;
        this.schedule();
        if (this.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
  }
}

interface Lane {
  waiting: (() => Promise<void>)[];
  running: number;
}

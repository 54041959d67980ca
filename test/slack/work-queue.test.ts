import { describe, expect, it } from "vitest";
import { WorkQueue } from "../../src/slack/work-queue.js";

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("WorkQueue", () => {
  it("runs jobs after the current turn, in order, and resolves idle when all are done", async () => {
    const queue = new WorkQueue();
    const done: number[] = [];
    for (const n of [1, 2, 3]) {
      expect(queue.push(async () => void done.push(n))).toBe(true);
    }
    expect(done).toEqual([]); // nothing runs inside the request's own turn
    await queue.idle();
    expect(done).toEqual([1, 2, 3]);
    expect(queue.size).toBe(0);
  });

  it("starts jobs for one slice per turn, then lets the loop read requests", async () => {
    let clock = 0;
    const queue = new WorkQueue({ sliceMs: { min: 3, max: 3 }, now: () => clock });
    const started: number[] = [];
    for (let n = 0; n < 10; n++)
      queue.push(async () => {
        started.push(n);
        clock += 1; // each job's synchronous part takes 1 ms
      });
    await turn();
    expect(started).toEqual([0, 1, 2]);
    await queue.idle();
    expect(started).toHaveLength(10);
  });

  it("gives jobs as much of a turn as the rest of the loop took, within bounds", async () => {
    let clock = 0;
    const queue = new WorkQueue({ sliceMs: { min: 2, max: 6 }, now: () => clock });
    const started: number[] = [];
    for (let n = 0; n < 20; n++)
      queue.push(async () => {
        started.push(n);
        clock += 1;
      });
    clock += 4; // the loop spent 4 ms on requests since the queue was made
    await turn();
    expect(started).toHaveLength(4);
    clock += 100; // a long turn of requests: the slice stops at its max
    await turn();
    expect(started).toHaveLength(4 + 6);
  });

  it("keeps at most maxRunning jobs awaiting I/O", async () => {
    const queue = new WorkQueue({ maxRunning: 2 });
    let inFlight = 0;
    let most = 0;
    for (let n = 0; n < 6; n++)
      queue.push(async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
      });
    await queue.idle();
    expect(most).toBe(2);
  });

  it("refuses jobs once full, counts them, and takes more after it drains", async () => {
    const queue = new WorkQueue({ maxWaiting: 2 });
    const ran: number[] = [];
    const results = [1, 2, 3].map((n) => queue.push(async () => void ran.push(n)));
    expect(results).toEqual([true, true, false]);
    expect(queue.refused).toBe(1);
    await queue.idle();
    expect(queue.push(async () => void ran.push(4))).toBe(true);
    await queue.idle();
    expect(ran).toEqual([1, 2, 4]);
  });

  it("keeps serving after a job throws or rejects", async () => {
    const queue = new WorkQueue();
    const ran: string[] = [];
    queue.push(() => {
      throw new Error("sync bug");
    });
    queue.push(async () => {
      throw new Error("async bug");
    });
    queue.push(async () => void ran.push("after"));
    await queue.idle();
    expect(ran).toEqual(["after"]);
  });

  it("frees the slot of a job that hangs past its deadline, and says so", async () => {
    let told = 0;
    const queue = new WorkQueue({ maxRunning: 1, jobDeadlineMs: 50, onDeadline: () => told++ });
    const done: string[] = [];
    queue.push(() => new Promise<void>(() => {})); // never settles, like a call with no deadline
    queue.push(async () => void done.push("next"));
    await queue.idle();
    expect(done).toEqual(["next"]);
    expect(queue.overran).toBe(1);
    expect(told).toBe(1);
  });

  it("gives each lane its own running slots: jobs hung in one lane do not hold up another", async () => {
    const queue = new WorkQueue({ maxRunning: 2 });
    const never = () => new Promise<void>(() => {});
    for (let i = 0; i < 4; i++) queue.push(never, "response_url");
    let answered = false;
    queue.push(async () => {
      answered = true;
    }, "web_api");
    for (let i = 0; i < 5 && !answered; i++) await turn();
    expect(answered).toBe(true);
    expect(queue.size).toBe(4); // two hung running, two waiting for a response_url slot
  });

  it("takes the lanes in turn within a slice", async () => {
    const queue = new WorkQueue({ maxRunning: 10 });
    const order: string[] = [];
    for (let i = 0; i < 3; i++) queue.push(async () => void order.push(`r${i}`), "response_url");
    for (let i = 0; i < 3; i++) queue.push(async () => void order.push(`w${i}`), "web_api");
    await queue.idle();
    expect(order).toEqual(["r0", "w0", "r1", "w1", "r2", "w2"]);
  });
});

import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { EXIT_FORCED, GracefulStop } from "../src/graceful-stop.js";

function harness(drain: () => Promise<void>, timeoutMs = 1_000) {
  const said: string[] = [];
  const exits: number[] = [];
  const steps: string[] = [];
  const stop = new GracefulStop({
    timeoutMs,
    refuseNewWork: () => steps.push("refuse"),
    drain: async () => {
      steps.push("drain");
      await drain();
    },
    logger: { info: (m) => said.push(`info ${m}`), warn: (m) => said.push(`warn ${m}`) },
    error: (line) => said.push(`error ${line}`),
    exit: (code) => exits.push(code),
  });
  return { stop, said, exits, steps };
}

describe("GracefulStop", () => {
  it("refuses new work, drains, then exits 0", async () => {
    const { stop, said, exits, steps } = harness(async () => {});
    await stop.stop("SIGTERM");
    expect(steps).toEqual(["refuse", "drain"]);
    expect(stop.stopping).toBe(true);
    expect(said[0]).toMatch(/^info SIGTERM: finishing requests in flight \(at most 1000 ms\)/);
    expect(said.at(-1)).toBe("info Stopped");
    expect(exits).toEqual([0]);
  });

  it("exits at once, forced, on a second signal while draining", async () => {
    let finish = () => {};
    const { stop, said, exits } = harness(() => new Promise<void>((r) => (finish = r)));
    const first = stop.stop("SIGTERM");
    await stop.stop("SIGINT");
    expect(exits).toEqual([EXIT_FORCED]);
    expect(said).toContain("error SIGINT again: exiting now, without finishing requests in flight");
    finish();
    await first;
  });

  it("forces the exit when the drain outlasts its time", async () => {
    const { stop, said, exits } = harness(() => new Promise<void>(() => {}), 20);
    void stop.stop("SIGTERM");
    await new Promise((r) => setTimeout(r, 200));
    expect(exits).toEqual([EXIT_FORCED]);
    expect(said).toContain("error Stop: work still in flight after 20 ms; exiting");
  });

  it("logs a failing drain and still exits 0", async () => {
    const { stop, said, exits } = harness(async () => {
      throw new Error("redis gone");
    });
    await stop.stop("SIGTERM");
    expect(said).toContain("warn Stop: redis gone");
    expect(exits).toEqual([0]);
  });

  it("listens for SIGTERM and SIGINT on the process it is given", async () => {
    const { stop, exits } = harness(async () => {});
    const target = new EventEmitter();
    stop.listen(target as unknown as NodeJS.Process);
    target.emit("SIGINT");
    await new Promise((r) => setImmediate(r));
    expect(exits).toEqual([0]);
  });
});

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.js";

/**
 * True when `redis-server` is on the PATH. `.ci/run` installs it; a developer without it sees the
 * Redis tests skipped, except under CI, where a missing server must fail the run instead.
 */
export function redisServerInstalled(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

/** Whether tests that need a real Redis should skip: only outside CI, and only when it is missing. */
export const skipWithoutRedis = !redisServerInstalled() && !process.env.CI;

/** Every server still running, killed when the test process exits, even after a failed test. */
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * A real `redis-server` on a free loopback port, nothing saved to disk, for one test file. It can be
 * stopped and started again on the same port, so tests take Redis away and bring it back while the
 * bot runs.
 */
export class RedisServer {
  private child: ChildProcess | null = null;
  private output = "";

  private dir: string | null = null;

  private constructor(readonly port: number) {}

  /** Starts a server on a free port and waits until it answers PING. */
  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.restart();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the server again on the same port after `stop()`, with no data, and waits for PING. */
  async restart(): Promise<void> {
    if (this.child) return;
    this.output = "";
    const dir = mkdtempSync(join(tmpdir(), "redis-test-"));
    this.dir = dir;
    const child = spawn(
      "redis-server",
      [
        "--port",
        String(this.port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
        "--daemonize",
        "no",
        "--loglevel",
        "warning",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      this.output += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      this.output += chunk.toString();
    });
    this.child = child;
    running.add(child);
    child.once("exit", () => running.delete(child));
    const exited = once(child, "exit").then(() => "exited" as const);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const answered = await Promise.race([ping(this.port), exited]);
      if (answered === "exited") {
        this.child = null;
        throw new Error(`redis-server exited on port ${this.port}: ${this.output.trim()}`);
      }
      if (answered) return;
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`redis-server did not answer PING on port ${this.port}: ${this.output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * Freezes the server (SIGSTOP): the connection stays open and nothing answers, as with a stalled
   * or overloaded Redis. `thaw()` lets it run again.
   */
  freeze(): void {
    this.child?.kill("SIGSTOP");
  }

  thaw(): void {
    this.child?.kill("SIGCONT");
  }

  /**
   * Stops the server (SIGTERM, then SIGKILL if it lingers), waits until it has exited and removes its
   * folder. `restart()` brings it back on the same port.
   */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      child.kill("SIGCONT"); // a frozen server takes its SIGTERM once it runs again
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

/** True when a Redis on `port` answers PING with PONG within a second. */
export async function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    let reply = "";
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), 1_000);
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
    socket.on("error", () => done(false));
    socket.on("close", () => done(false));
  });
}

import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

export interface ChildServer {
  info: Record<string, unknown>;
  child: ChildProcess;
  /** SIGTERM, then the last line it wrote to stderr, parsed, if any. */
  stop(): Promise<Record<string, unknown> | null>;
}

/** Starts a TypeScript script in its own Node process and waits for the JSON line it prints. */
export async function startChild(
  script: string,
  env: Record<string, string>,
): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let lastError = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    lastError = chunk.toString().trim().split("\n").at(-1) ?? lastError;
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [line] = (await Promise.race([
    once(lines, "line"),
    once(child, "exit").then(() => {
      throw new Error(`${script} exited before it was ready: ${lastError}`);
    }),
  ])) as [string];
  return {
    info: JSON.parse(line),
    child,
    async stop() {
      child.kill("SIGTERM");
      await once(child, "exit");
      try {
        return JSON.parse(lastError);
      } catch {
        return null;
      }
    },
  };
}

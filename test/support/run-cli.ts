import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** What a CLI run left: its exit status and everything it printed. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// Absolute, so a CLI started in another folder (to read that folder's .env) still finds tsx.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/**
 * Runs `src/cli/<script>` (a path from the repository's root) under tsx as its own process, with
 * the test's environment plus `env` (a variable set to undefined is removed) and without colour.
 */
export function runCli(
  script: string,
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; input?: string } = {},
): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", TSX, resolve(ROOT, script), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: "1", ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", fail);
    child.on("close", (status) => done({ status, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

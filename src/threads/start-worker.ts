import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * The worker module `name` beside the module at `here` (pass `import.meta.url`): `.ts` under tsx
 * (dev, tests), where the caller is a .ts file too, `.js` in the compiled output.
 */
export function workerUrl(name: string, here: string): URL {
  return new URL(`./${name}.${here.endsWith(".ts") ? "ts" : "js"}`, here);
}

/**
 * Starts a worker thread running the module at `url`. Under tsx a worker does not inherit its
 * loader, so for a .ts module the worker registers tsx first, then imports the module.
 */
export function startWorker(url: URL, options: WorkerOptions = {}): Worker {
  if (!url.pathname.endsWith(".ts")) return new Worker(url, options);
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const code = `import(${tsx}).then((t) => { t.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(code, { ...options, eval: true });
}

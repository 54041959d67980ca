import { Worker } from "node:worker_threads";
import type { Passage } from "../passages/passage.js";
import { buildNewsData, type NewsData } from "./news-data.js";

// Under tsx (dev, tests) this module is a .ts file, and so is the worker beside it.
const WORKER_URL = new URL(
  `./news-data-worker.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`,
  import.meta.url,
);

function startWorker(passages: readonly Passage[]): Worker {
  const workerData = { passages };
  if (!WORKER_URL.pathname.endsWith(".ts")) return new Worker(WORKER_URL, { workerData });
  // Under tsx a worker does not inherit its loader: the worker registers it, then loads the .ts.
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const code = `import(${tsx}).then((t) => { t.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(code, { eval: true, workerData });
}

/**
 * `buildNewsData` in a worker thread, so the caller builds the search index from the same passages
 * meanwhile: on two cores the news reading (half of a large build) costs no time of its own. The
 * data comes back whole (a structured clone keeps which lists share a sentence). When the worker
 * cannot start or stops without an answer, the reading is built on this thread, where an error in
 * it is thrown as it would be without a worker.
 */
export function buildNewsDataOffThread(passages: readonly Passage[]): Promise<NewsData> {
  let worker: Worker;
  try {
    worker = startWorker(passages);
  } catch {
    return Promise.resolve(buildNewsData(passages));
  }
  return new Promise<NewsData | null>((resolve) => {
    worker.once("message", (data: NewsData) => resolve(data));
    worker.once("error", () => resolve(null));
    worker.once("exit", () => resolve(null));
  }).then((data) => data ?? buildNewsData(passages));
}

import type { Worker } from "node:worker_threads";
import { buildNewsData, type NewsData } from "../news/news-data.js";
import type { Passage } from "../passages/passage.js";
import { startWorker, workerUrl } from "../threads/start-worker.js";

/** What the desk worker posts. */
export interface DeskWorkerMessage {
  kind: "news";
  news: NewsData;
}

const WORKER_URL = workerUrl("desk-worker", import.meta.url);

/**
 * Builds the news reading of the passages in a worker thread, so the caller builds the index, the
 * question layer's words and the suggestions meanwhile: on two cores the news reading, the largest
 * part of a large build, costs no time of its own. What comes back is whole (a structured clone
 * keeps which lists share a sentence). When the worker could not start or stopped before sending
 * it, it is built on this thread, where an error in it is thrown as without a worker.
 */
export function newsOffThread(passages: readonly Passage[]): Promise<NewsData> {
  let worker: Worker;
  try {
    worker = startWorker(WORKER_URL, { workerData: { passages } });
  } catch {
    return Promise.resolve().then(() => buildNewsData(passages));
  }
  const news = new Promise<NewsData | null>((resolve) => {
    worker.on("message", (message: DeskWorkerMessage) => resolve(message.news));
    worker.once("error", () => resolve(null));
    worker.once("exit", () => resolve(null));
  });
  return news.then((n) => n ?? buildNewsData(passages));
}

import type { Worker } from "node:worker_threads";
import { buildNewsData } from "../news/news-data.js";
import { storeNewsData } from "../news/stored-news-data.js";
import type { Passage } from "../passages/passage.js";
import { startWorker, workerUrl } from "../threads/start-worker.js";

/** What the desk worker posts. */
export interface DeskWorkerMessage {
  kind: "news";
  /** The news reading as the index file stores it (`storeNewsData`), each line in JSON. */
  lines: string[];
}

const WORKER_URL = workerUrl("desk-worker", import.meta.url);

const storedHere = (passages: readonly Passage[]) =>
  storeNewsData(buildNewsData(passages)).map((line) => JSON.stringify(line));

/**
 * Builds the news reading of the passages in a worker thread, so the caller builds the index, the
 * question layer's words and the suggestions meanwhile: on two cores the news reading, the largest
 * part of a large build, costs no time of its own. It comes back as the index file's lines, in
 * JSON (`readNewsData` of the parsed lines revives it). When the worker could not start or stopped
 * before sending it, it is built on this thread, where an error in it is thrown as without a worker.
 */
export function newsOffThread(passages: readonly Passage[]): Promise<string[]> {
  let worker: Worker;
  try {
    worker = startWorker(WORKER_URL, { workerData: { passages } });
  } catch {
    return Promise.resolve().then(() => storedHere(passages));
  }
  const lines = new Promise<string[] | null>((resolve) => {
    worker.on("message", (message: DeskWorkerMessage) => resolve(message.lines));
    worker.once("error", () => resolve(null));
    worker.once("exit", () => resolve(null));
  });
  return lines.then((l) => l ?? storedHere(passages));
}

// The worker thread newsOffThread starts: builds the news reading of the passages while the
// thread that started it builds the search index, the question layer's words and the suggestions.
import { parentPort, workerData } from "node:worker_threads";
import { buildNewsData } from "../news/news-data.js";
import type { Passage } from "../passages/passage.js";
import type { DeskWorkerMessage } from "./derive-off-thread.js";

const { passages } = workerData as { passages: Passage[] };
const message: DeskWorkerMessage = { kind: "news", news: buildNewsData(passages) };
parentPort?.postMessage(message);

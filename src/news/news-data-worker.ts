// The worker thread buildNewsDataOffThread starts: reads the passages as news (see buildNewsData)
// while the thread that started it builds the search index from the same passages.
import { parentPort, workerData } from "node:worker_threads";
import type { Passage } from "../passages/passage.js";
import { buildNewsData } from "./news-data.js";

const { passages } = workerData as { passages: Passage[] };
parentPort?.postMessage(buildNewsData(passages));

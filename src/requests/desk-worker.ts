// The worker thread newsOffThread starts: builds the news reading of the passages while the
// thread that started it builds the search index, the question layer's words and the suggestions,
// and sends it back as the index file's lines.
import { parentPort, workerData } from "node:worker_threads";
import { buildNewsData } from "../news/news-data.js";
import { storeNewsData } from "../news/stored-news-data.js";
import type { Passage } from "../passages/passage.js";
import type { DeskWorkerMessage } from "./derive-off-thread.js";

const { passages } = workerData as { passages: Passage[] };
// As the index file's lines, in JSON: strings cross to the other thread as a copy of their bytes,
// where the reading's object graph took seconds to clone and seconds to rebuild there.
const lines = storeNewsData(buildNewsData(passages)).map((line) => JSON.stringify(line));
const message: DeskWorkerMessage = { kind: "news", lines };
parentPort?.postMessage(message);

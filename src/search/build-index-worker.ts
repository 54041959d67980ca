// The worker thread buildIndexOffThread starts: builds the index and writes it to a file, so the
// bot's main thread keeps answering /health and Slack while a large corpus is indexed.
import { parentPort, workerData } from "node:worker_threads";
import type { IndexSettings } from "../config.js";
import { CorpusError } from "../corpus/corpus-error.js";
import { buildIndexToFile, type WorkerMessage } from "./index-store.js";

const { settings, file } = workerData as { settings: IndexSettings; file: string };
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

try {
  await buildIndexToFile(settings, file, (message) => post({ kind: "warn", message }));
  post({ kind: "built", file });
} catch (error) {
  if (error instanceof CorpusError) post({ kind: "corpus-error", problems: [...error.problems] });
  else post({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
}

// The worker thread buildIndexOffThread starts: builds the index, with what is derived from it (the
// news reading, suggested questions), and writes them to a file, so the bot's main thread keeps answering /health and Slack while a large corpus is indexed.
import { parentPort, workerData } from "node:worker_threads";
import type { IndexSettings } from "../config.js";
import { CorpusError } from "../corpus/corpus-error.js";
import { buildIndexToFile, type Derivation, type WorkerMessage } from "./index-store.js";

const { settings, file, derive } = workerData as {
  settings: IndexSettings;
  file: string;
  derive?: Derivation;
};
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

try {
  await buildIndexToFile(settings, file, (message) => post({ kind: "warn", message }), derive);
  post({ kind: "built", file });
} catch (error) {
  if (error instanceof CorpusError) post({ kind: "corpus-error", problems: [...error.problems] });
  else post({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
}

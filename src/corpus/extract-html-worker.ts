// The worker thread extractOffThread starts: extracts one page, so a page that takes too long can
// be stopped (a worker can be terminated; a parse on the caller's thread cannot).
import { parentPort, workerData } from "node:worker_threads";
import { ExtractError, extractArticleFromHtml } from "./extract-html.js";
import type { ExtractReply } from "./extract-off-thread.js";

const post = (reply: ExtractReply) => parentPort?.postMessage(reply);

try {
  post({
    kind: "extracted",
    article: extractArticleFromHtml((workerData as { html: string }).html),
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ExtractError) post({ kind: "refused", message, code: error.code });
  else post({ kind: "failed", message });
}

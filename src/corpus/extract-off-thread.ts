import type { Worker } from "node:worker_threads";
import { startWorker, workerUrl } from "../threads/start-worker.js";
import { checkHtmlPage, EXTRACT_TIMEOUT_MS } from "./article-limits.js";
import { ExtractError, type ExtractedArticle, extractArticleFromHtml } from "./extract-html.js";

/** What the extraction worker posts back. */
export type ExtractReply =
  | { kind: "extracted"; article: ExtractedArticle }
  | { kind: "refused"; message: string; code: ExtractError["code"] }
  | { kind: "failed"; message: string };

export interface ExtractOffThreadOptions {
  /** Past this the worker is stopped and the page refused; EXTRACT_TIMEOUT_MS unless told. */
  timeoutMs?: number;
}

const WORKER_URL = workerUrl("extract-html-worker", import.meta.url);

/**
 * `extractArticleFromHtml` with a deadline: the page's nesting is checked first, on this thread
 * (linear), then the page is parsed in a worker that is stopped when the deadline passes. Throws
 * ExtractError with a sentence for a page refused, too deep or too slow. Falls back to this thread
 * when a worker cannot be created at all (the depth check still bounds the work).
 */
export async function extractOffThread(
  html: string,
  options: ExtractOffThreadOptions = {},
): Promise<ExtractedArticle> {
  const refused = checkHtmlPage(html);
  if (refused !== null) throw new ExtractError(refused, "EXTRACT_REFUSED");
  const timeoutMs = options.timeoutMs ?? EXTRACT_TIMEOUT_MS;
  let worker: Worker;
  try {
    worker = startWorker(WORKER_URL, { workerData: { html } });
  } catch {
    return extractArticleFromHtml(html);
  }
  const reply = await new Promise<ExtractReply | "timeout">((resolve) => {
    const timer = setTimeout(() => {
      resolve("timeout");
      void worker.terminate();
    }, timeoutMs);
    let answered = false;
    worker.on("message", (message: ExtractReply) => {
      answered = true;
      clearTimeout(timer);
      resolve(message);
    });
    worker.on("error", (error) => {
      clearTimeout(timer);
      resolve({ kind: "failed", message: error.message });
    });
    worker.on("exit", () => {
      clearTimeout(timer);
      if (!answered)
        resolve({ kind: "failed", message: "the extraction worker stopped without an answer" });
    });
  });
  if (reply === "timeout") {
    throw new ExtractError(
      `reading the page took longer than ${timeoutMs / 1000} s, so it was stopped`,
      "EXTRACT_REFUSED",
    );
  }
  if (reply.kind === "extracted") return reply.article;
  if (reply.kind === "refused") {
    throw new ExtractError(reply.message.replace(/^Extract: /, ""), reply.code);
  }
  throw new Error(reply.message);
}

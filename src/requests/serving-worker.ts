// The worker thread a ServingThread starts: opens the index (the prebuilt file, or a build from
// the corpus), prepares it for serving as the bot always has, says it is ready, then answers what
// the main thread asks, one message at a time. See serving-thread.ts for why it is a thread.
import { parentPort, workerData } from "node:worker_threads";
import type { IndexSettings } from "../config.js";
import { CorpusError } from "../corpus/corpus-error.js";
import { digestOf } from "../news/digest.js";
import { openIndex } from "../search/index-store.js";
import { decodeInSlices } from "../search/stored-postings.js";
import { warmTerm } from "../text/terms.js";
import { idleScavenger } from "../threads/idle-scavenge.js";
import { inSlices } from "../threads/in-slices.js";
import { DESK_DERIVATION } from "./desk-data.js";
import { newsDataFor } from "./news-data-for.js";
import { prepareServingIndex } from "./serving-index.js";
import type { ServingMessage, ServingRequest } from "./serving-thread.js";

const { settings } = workerData as { settings: IndexSettings };
const port = parentPort;
if (port === null) throw new Error("serving-worker runs as a worker thread");
const post = (message: ServingMessage) => port.postMessage(message);

try {
  // A prebuilt file's postings stay their lines until ready, then are decoded between questions.
  const opened = await openIndex(settings, {
    derive: DESK_DERIVATION,
    lazyPostings: true,
    warn: (message) => post({ kind: "warn", message }),
  });
  const serving = prepareServingIndex(opened.index);
  const news = newsDataFor(opened.index);
  const scavengeIfFull = idleScavenger();
  port.on("message", (message: ServingRequest) => {
    // Once the reply is sent, so the pause falls between requests, not inside the next one.
    setImmediate(scavengeIfFull);
    try {
      if (message.kind === "ask") {
        const reply = serving.ask(message.request, message.commandName);
        post({ kind: "answered", id: message.id, reply });
      } else {
        post({ kind: "digested", id: message.id, digest: digestOf(news, new Set(message.batch)) });
      }
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      post({ kind: "request-failed", id: message.id, message: text });
    }
  });
  post({
    kind: "ready",
    summary: {
      examples: serving.examples,
      stats: serving.stats,
      articleIds: news.articles.map((article) => article.id),
      source: opened.source,
      ...(opened.reason === undefined ? {} : { reason: opened.reason }),
    },
  });
  // Between requests: a prebuilt file's postings, kept as lines until now (an index built here is
  // whole already), then each passage word's index term, so no question stems a word the first time.
  const decoded =
    opened.source === "prebuilt"
      ? decodeInSlices(opened.index.miniSearch).catch((error: unknown) => {
          const text = error instanceof Error ? error.message : String(error);
          post({
            kind: "warn",
            message: `${text}: questions using it fail; rebuild with npm run index`,
          });
        })
      : Promise.resolve();
  decoded
    .then(() => inSlices(serving.caches.surface ?? [], warmTerm))
    .catch((error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      post({ kind: "warn", message: `warming the passages' terms stopped: ${text}` });
    });
} catch (error) {
  if (error instanceof CorpusError) post({ kind: "corpus-error", problems: [...error.problems] });
  else {
    const code = (error as { code?: unknown }).code;
    post({
      kind: "failed",
      message: error instanceof Error ? error.message : String(error),
      ...(typeof code === "string" ? { code } : {}),
    });
  }
}

import type { Worker } from "node:worker_threads";
import { passageSurfaceWords } from "../answer/answer-question.js";
import { buildNewsData, type NewsData } from "../news/news-data.js";
import type { Passage } from "../passages/passage.js";
import { buildEventLexicon, type EventLexicon } from "../query/event-lexicon.js";
import { startWorker, workerUrl } from "../threads/start-worker.js";

/** What the question layer reads from every passage: its event lexicon and surface words. */
export interface PassageWords {
  lexicon: EventLexicon;
  surface: readonly string[];
}

/** What the desk worker posts, in this order. */
export type DeskWorkerMessage =
  | ({ kind: "words" } & PassageWords)
  | { kind: "news"; news: NewsData };

const WORKER_URL = workerUrl("desk-worker", import.meta.url);

export interface DerivedOffThread {
  words: Promise<PassageWords>;
  news: Promise<NewsData>;
}

const wordsHere = (passages: readonly Passage[]): PassageWords => ({
  lexicon: buildEventLexicon(passages),
  surface: [...passageSurfaceWords(passages)],
});

/**
 * Derives from the passages, in a worker thread, what needs no index (the question layer's words,
 * the news reading), so the caller builds the index meanwhile: on two cores the news reading, half
 * of a large build, costs no time of its own. What comes back is whole (a structured clone keeps
 * which lists share a sentence). Whatever the worker did not send, because it could not start or
 * stopped first, is derived on this thread, where an error in it is thrown as without a worker.
 */
export function deriveOffThread(passages: readonly Passage[]): DerivedOffThread {
  let worker: Worker;
  try {
    worker = startWorker(WORKER_URL, { workerData: { passages } });
  } catch {
    return {
      words: Promise.resolve().then(() => wordsHere(passages)),
      news: Promise.resolve().then(() => buildNewsData(passages)),
    };
  }
  let sent: PassageWords | null = null;
  let onWords: (words: PassageWords | null) => void = () => {};
  let onNews: (news: NewsData | null) => void = () => {};
  const words = new Promise<PassageWords | null>((resolve) => {
    onWords = resolve;
  });
  const news = new Promise<NewsData | null>((resolve) => {
    onNews = resolve;
  });
  worker.on("message", (message: DeskWorkerMessage) => {
    if (message.kind === "words") {
      sent = message;
      onWords(message);
    } else onNews(message.news);
  });
  const stopped = () => {
    onWords(sent);
    onNews(null);
  };
  worker.once("error", stopped);
  worker.once("exit", stopped);
  return {
    words: words.then((w) => w ?? wordsHere(passages)),
    news: news.then((n) => n ?? buildNewsData(passages)),
  };
}

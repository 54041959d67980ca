// The worker thread deriveOffThread starts: derives from the passages alone what the desk needs,
// while the thread that started it builds the search index from the same passages. The question
// layer's words first (the suggestions, built on that thread, wait for them), then the news reading.
import { parentPort, workerData } from "node:worker_threads";
import { passageSurfaceWords } from "../answer/answer-question.js";
import { buildNewsData } from "../news/news-data.js";
import type { Passage } from "../passages/passage.js";
import { buildEventLexicon } from "../query/event-lexicon.js";
import type { DeskWorkerMessage } from "./derive-off-thread.js";

const { passages } = workerData as { passages: Passage[] };
const post = (message: DeskWorkerMessage) => parentPort?.postMessage(message);
post({
  kind: "words",
  lexicon: buildEventLexicon(passages),
  surface: [...passageSurfaceWords(passages)],
});
post({ kind: "news", news: buildNewsData(passages) });

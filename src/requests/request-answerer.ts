import type { IndexCaches } from "../answer/index-caches.js";
import { LruCache } from "../answer/lru-cache.js";
import type { PassageIndex } from "../search/passage-index.js";
import { answerRequest, type Reply } from "./answer-request.js";
import { servingCachesOf } from "./desk-data.js";
import type { Request } from "./route-request.js";

/** Question replies remembered: a few hundred KiB, enough for a workspace's busy hour. */
export const ANSWER_CACHE_SIZE = 1_000;

/**
 * Answers a routed request. `commandName` is how help names the command: the one the request came
 * with (`/ask` from Slack, `npm run ask --` in the terminal).
 */
export type RequestAnswerer = (request: Request, commandName: string) => Reply;

/**
 * What the Slack side asks: an answerer, or one that answers on another thread (the bot's serving
 * thread) and so replies with a promise.
 */
export type AnyAnswerer = (request: Request, commandName: string) => Reply | Promise<Reply>;

export interface AnswererOptions {
  /** Questions the articles answer, for help; from `suggestQuestions`. Asked only for help. */
  examples?: () => readonly string[];
  /** How many passages an answer holds at most. */
  limit?: number;
  /** Question replies remembered; 0 remembers none. */
  cacheSize?: number;
  /** What the index's questions share (the serving index's); made here from its desk data when absent. */
  caches?: IndexCaches;
}

/**
 * The one way requests are answered from an index, for Slack and the terminal alike. The news
 * reading is built once per index; question replies are remembered (least recently asked forgotten
 * first), since the same question over the same index has the same answer and people in one
 * workspace ask the same things, in bursts. A new index gets a new answerer, so nothing stale is
 * served after a reload.
 */
export function answererFor(index: PassageIndex, options: AnswererOptions = {}): RequestAnswerer {
  // No news reading is handed on: each request reads the index's own, kept with it (see
  // news-data-for.ts), and a question only what its answer cites (newsForAnswer).
  const caches = options.caches ?? servingCachesOf(index);
  const answer = options.limit === undefined ? { caches } : { limit: options.limit, caches };
  const cache = new LruCache<string, Reply>(options.cacheSize ?? ANSWER_CACHE_SIZE);
  return (request, commandName) => {
    if (request.kind === "help") {
      const examples = options.examples?.() ?? [];
      return answerRequest(index, request, { commandName, examples });
    }
    // With the index's caches too: `who` a name nobody has is answered as a question, and without
    // them each such answer derived the index's words again (seconds at 100k passages).
    if (request.kind !== "question") return answerRequest(index, request, { commandName, answer });
    // Keyed by command too: a "none" reply names the command in its suggestions.
    return cache.get(`${commandName}\n${request.question}`, () =>
      answerRequest(index, request, { commandName, answer }),
    );
  };
}

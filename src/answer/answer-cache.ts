import type { Answer } from "./answer.js";
import { LruCache } from "./lru-cache.js";

/** Questions remembered: a few hundred KiB of answers, enough for a workspace's busy hour. */
export const ANSWER_CACHE_SIZE = 1_000;

/**
 * Remembers the answers to the latest questions, least recently asked forgotten first. The index
 * does not change while the bot runs, so a question asked again (people in one workspace ask the
 * same things, and a popular question arrives in bursts) has the same answer, and skips the search.
 * Keyed on the exact text: nothing is assumed about which differences matter to the search.
 */
export function cachedAnswers(
  answer: (question: string) => Answer,
  size = ANSWER_CACHE_SIZE,
): (question: string) => Answer {
  const cache = new LruCache<string, Answer>(size);
  return (question) => cache.get(question, answer);
}

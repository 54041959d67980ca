import type { Answer } from "./answer.js";

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
  const cache = new Map<string, Answer>();
  return (question) => {
    const cached = cache.get(question);
    if (cached) {
      // Map keeps insertion order: re-inserting marks it as the most recently asked.
      cache.delete(question);
      cache.set(question, cached);
      return cached;
    }
    const fresh = answer(question);
    cache.set(question, fresh);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return fresh;
  };
}

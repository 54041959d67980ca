import type { StateStore } from "../state/state-store.js";
import { cutAtGrapheme } from "../text/cut-text.js";

/** One question the bot answered in a thread. */
export interface RememberedQuestion {
  /** The question as asked (before it was read in context). */
  text: string;
  /** When the bot answered it, in milliseconds since the epoch. */
  at: number;
}

/**
 * What the bot remembers of a thread: the questions it answered there, oldest first, at most
 * `THREAD_MEMORY_QUESTIONS`. A thread with a memory is one the bot answered in, which is what lets
 * a follow-up without a mention be answered, and any other thread be ignored.
 */
export interface ThreadMemory {
  questions: RememberedQuestion[];
}

/** How many questions a thread remembers: enough to find a subject, few enough to stay small. */
export const THREAD_MEMORY_QUESTIONS = 5;
/** How long a thread is remembered after the bot's last answer in it. */
export const THREAD_MEMORY_TTL_SECONDS = 24 * 60 * 60;
/** A question longer than this is cut before it is stored. */
export const REMEMBERED_QUESTION_MAX = 500;

/** The store key of a thread: its channel and the ts of its first message. */
export function threadKey(channel: string, threadTs: string): string {
  return `thread:${channel}:${threadTs}`;
}

/** A memory as the store's string value. */
export function encodeThreadMemory(memory: ThreadMemory): string {
  return JSON.stringify({ v: 1, q: memory.questions.map((q) => [q.text, q.at]) });
}

/** A stored value as a memory; null when it is not one (a value from another version, a bad write). */
export function decodeThreadMemory(value: string): ThreadMemory | null {
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const { v, q } = data as { v?: unknown; q?: unknown };
  if (v !== 1 || !Array.isArray(q)) return null;
  const questions: RememberedQuestion[] = [];
  for (const entry of q) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || !Number.isFinite(entry[1])) {
      return null;
    }
    questions.push({ text: entry[0], at: entry[1] as number });
  }
  return { questions };
}

export interface ThreadMemoryOptions {
  /** The clock, in milliseconds; passed in so tests control time. */
  now?: () => number;
  ttlSeconds?: number;
}

/**
 * The thread's memory, without questions older than the expiry; null when the bot has not
 * answered in the thread (or not within the expiry). The store drops the whole entry at its TTL;
 * the per-question cut covers a store whose TTL was refreshed by later answers.
 */
export async function recallThread(
  store: StateStore,
  key: string,
  options: ThreadMemoryOptions = {},
): Promise<ThreadMemory | null> {
  const { now = Date.now, ttlSeconds = THREAD_MEMORY_TTL_SECONDS } = options;
  const value = await store.get(key);
  if (value === null) return null;
  const memory = decodeThreadMemory(value);
  if (!memory) return null;
  const since = now() - ttlSeconds * 1000;
  const questions = memory.questions.filter((q) => q.at > since);
  return questions.length > 0 ? { questions } : null;
}

/**
 * Notes that the bot answered `question` in the thread, keeping the last
 * `THREAD_MEMORY_QUESTIONS`, and restarts the thread's expiry. Two answers in one thread at the
 * same instant may keep only one of the two questions: harmless, the thread stays remembered.
 */
export async function rememberAnswer(
  store: StateStore,
  key: string,
  question: string,
  options: ThreadMemoryOptions = {},
): Promise<ThreadMemory> {
  const { now = Date.now, ttlSeconds = THREAD_MEMORY_TTL_SECONDS } = options;
  const earlier = (await recallThread(store, key, options))?.questions ?? [];
  const questions = [
    ...earlier,
    { text: cutAtGrapheme(question, REMEMBERED_QUESTION_MAX), at: now() },
  ].slice(-THREAD_MEMORY_QUESTIONS);
  const memory = { questions };
  await store.set(key, encodeThreadMemory(memory), ttlSeconds);
  return memory;
}

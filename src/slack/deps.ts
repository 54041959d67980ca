import type { Answer } from "../answer/answer.js";
import type { StateStore } from "../state/state-store.js";
import type { WorkQueue } from "./work-queue.js";

/** What listeners need, passed in so tests can build them small. */
export interface ListenerDeps {
  /** Answers a question from the corpus. */
  answer: (question: string) => Answer;
  /** Where the work after an ack goes. */
  queue: WorkQueue;
  /** Claims shared by every replica: one answer per event, one post per share. */
  state: StateStore;
}

/** A short description of an error for logs: its name, code and message, never a payload. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === "string" ? ` (${code})` : ""}: ${error.message}`;
}

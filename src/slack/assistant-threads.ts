import { THREAD_MEMORY_TTL_SECONDS } from "../query/thread-memory.js";
import type { StateStore } from "../state/state-store.js";

/** The store key that marks a DM thread as an assistant thread Slack opened for the bot. */
export function assistantThreadKey(channel: string, threadTs: string): string {
  return `assistant:${channel}:${threadTs}`;
}

/**
 * Notes that Slack opened an assistant thread (`assistant_thread_started`), so a DM in it gets the
 * thinking status. Kept as long as a thread's memory: a day after it was opened.
 */
export async function markAssistantThread(
  state: StateStore,
  channel: string,
  threadTs: string,
): Promise<void> {
  await state.set(assistantThreadKey(channel, threadTs), "1", THREAD_MEMORY_TTL_SECONDS);
}

/** True when Slack opened this DM thread as an assistant thread (see `markAssistantThread`). */
export async function isAssistantThread(
  state: StateStore,
  channel: string,
  threadTs: string,
): Promise<boolean> {
  return (await state.get(assistantThreadKey(channel, threadTs))) !== null;
}

import type { LiveStore } from "../state/live-store.js";

/** The channel every replica hears "the corpus changed, reload" on. */
export const CORPUS_CHANGED_TOPIC = "corpus-changed";
/** The live-store group of the desk's own values. */
export const DESK = "desk";
/** The record holding when the corpus last changed (milliseconds since the epoch). */
export const CORPUS_CHANGED_AT = "corpus-changed-at";

/**
 * Tells every replica (this one too) that articles were written, so each reloads at once, and
 * notes the time for App Home. `why` goes into each replica's reload log line.
 */
export async function announceCorpusChange(
  store: LiveStore,
  why: string,
  at: number,
): Promise<void> {
  await store.putRecord(DESK, CORPUS_CHANGED_AT, String(at));
  await store.publish(CORPUS_CHANGED_TOPIC, why);
}

/** Reloads this replica whenever any replica announces a change. */
export function listenForCorpusChanges(
  store: LiveStore,
  reload: (why: string) => void,
): Promise<void> {
  return store.subscribe(CORPUS_CHANGED_TOPIC, (why) => reload(why));
}

/** When the corpus last changed, or null when no change was announced. */
export async function corpusChangedAt(store: LiveStore): Promise<number | null> {
  const value = (await store.records(DESK)).get(CORPUS_CHANGED_AT);
  const at = Number(value);
  return value !== undefined && Number.isFinite(at) ? at : null;
}

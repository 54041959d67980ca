// Long lists in the index file (document frequencies, articles, lexicon entries) are written as
// runs of a few thousand items, one line each: a reader parses one short line at a time and can
// give the event loop a turn between them, where a list on one line of megabytes held it for
// hundreds of milliseconds at 100k passages.

/** Items per line of a list written in runs, unless a writer picks its own. */
export const RUN_ITEMS = 4_000;

/** `items` cut into runs of at most `size`, in order; an empty list is no runs. */
export function toRuns<T>(items: readonly T[], size = RUN_ITEMS): T[][] {
  const runs: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    runs.push(items.slice(start, start + size));
  return runs;
}

/** Appends a run read back from a line to `into`; false when the line is not a list. */
export function appendRun<T>(into: T[], run: unknown): boolean {
  if (!Array.isArray(run)) return false;
  for (const item of run) into.push(item as T);
  return true;
}

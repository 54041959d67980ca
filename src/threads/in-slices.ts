// Work a serving thread does between requests: a slice of a few milliseconds at a time, each
// followed by a turn of the event loop, so a request that arrives meanwhile waits one slice at most.

const yieldToQueue = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Calls `each` on every item, `sliceMs` at a time, yielding to the event loop between slices.
 * `each` says whether it did anything (counted), or "stop" when nothing after it is worth doing.
 * Resolves with how many did; rejects with the first error `each` throws, the items after it undone.
 */
export async function inSlices<T>(
  items: Iterable<T>,
  each: (item: T) => boolean | "stop",
  sliceMs = 4,
): Promise<number> {
  const iterator = items[Symbol.iterator]();
  let done = 0;
  for (;;) {
    const until = performance.now() + sliceMs;
    do {
      const next = iterator.next();
      if (next.done) return done;
      const result = each(next.value);
      if (result === "stop") return done;
      if (result) done++;
    } while (performance.now() < until);
    await yieldToQueue();
  }
}

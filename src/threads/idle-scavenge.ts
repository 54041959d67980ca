// A serving thread answers one request at a time, and each answer leaves a few MB of garbage in
// V8's young generation. When that fills up mid-answer, the scavenge that empties it pauses the
// answer: at 100k passages 6–10 ms, landing in one answer of thirty, which made the p99 of
// questions asked one at a time 12–14 ms where their median was 3 ms. Emptying it once an answer
// is sent, when it is a quarter full, moves that pause between requests: p99 5–9 ms on the same
// questions (docs/performance.md), at the same garbage collection work overall.
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** How full the young generation may be before a scavenge between requests. */
export const IDLE_SCAVENGE_SHARE = 0.25;

type Collect = (options: { type: "minor" | "major" }) => void;

/**
 * V8's collector as a function: the one `--expose-gc` gives, else one exposed for this thread the
 * way jest's leak detector gets it (the flag set, then `gc` read from a new context). Null where
 * neither works: requests are then answered as before, with scavenges where they fall.
 */
function collector(): Collect | null {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === "function") return exposed as Collect;
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? (gc as Collect) : null;
  } catch {
    return null;
  }
}

/**
 * A function to call once a request is answered: scavenges the young generation when it is at
 * least `share` full, and says whether it did.
 */
export function idleScavenger(share = IDLE_SCAVENGE_SHARE): () => boolean {
  const collect = collector();
  if (collect === null) return () => false;
  return () => {
    const young = getHeapSpaceStatistics().find((space) => space.space_name === "new_space");
    if (!young || young.space_used_size < young.space_size * share) return false;
    collect({ type: "minor" });
    return true;
  };
}

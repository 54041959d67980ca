import type { ReplicaSettings } from "../config.js";
import type { LiveStore } from "../state/live-store.js";
import { RedisLiveStore } from "../state/redis-live-store.js";
import { announceCorpusChange } from "./corpus-changes.js";

/** What a CLI that wrote articles prints when it has no replicas to tell. */
export const NO_REDIS_HINT =
  "no REDIS_URL: a running bot reads the new articles on SIGHUP (kill -HUP PID), or by itself with RELOAD=watch";

/** What became of telling the replicas, as one line for the person at the terminal. */
export interface TellResult {
  /** told: published; no-redis: nobody to tell (the line is the hint); failed: Redis did not take it. */
  outcome: "told" | "no-redis" | "failed";
  line: string;
}

export interface TellOptions {
  /** The whole attempt, connection included; past it the CLI says so and exits. */
  deadlineMs?: number;
  /** Opens the store; a test may hand its own. */
  open?: (settings: ReplicaSettings & { redisUrl: string }) => LiveStore & {
    connect?: () => Promise<void>;
  };
  nowMilliseconds?: () => number;
}

/**
 * Announces a corpus change from outside the bot (`corpus:fetch`, `corpus:add`) with the very
 * message the live desk publishes, so every running replica reloads at once. Never throws: the
 * articles are written whatever happens here, and the line says what to do when Redis was not
 * reached.
 */
export async function tellReplicas(
  settings: ReplicaSettings,
  why: string,
  options: TellOptions = {},
): Promise<TellResult> {
  const { redisUrl } = settings;
  if (redisUrl === null) return { outcome: "no-redis", line: NO_REDIS_HINT };
  const deadlineMs = options.deadlineMs ?? settings.redisTimeoutMs * 3;
  const open =
    options.open ??
    ((s) =>
      new RedisLiveStore({
        url: s.redisUrl,
        keyPrefix: s.redisPrefix,
        commandTimeoutMs: s.redisTimeoutMs,
        connectTimeoutMs: s.redisTimeoutMs,
      }));
  const store = open({ ...settings, redisUrl });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
  });
  const now = options.nowMilliseconds ?? Date.now;
  try {
    await Promise.race([
      (async () => {
        await store.connect?.();
        await announceCorpusChange(store, why, now());
      })(),
      deadline,
    ]);
    return { outcome: "told", line: "told the replicas to reload" };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      outcome: "failed",
      line: `could not tell the replicas to reload (${reason}): send the bot SIGHUP, or it reads the articles at its next reload`,
    };
  } finally {
    clearTimeout(timer);
    await store.close().catch(() => undefined);
  }
}

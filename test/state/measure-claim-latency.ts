// Measures what docs/state.md reports: the latency of one claim in memory, in Redis on loopback and
// through the fallback wrapper; how long a call takes while Redis is stopped and while it is frozen;
// and how soon claims are shared again after Redis comes back.
// Run: npx tsx test/state/measure-claim-latency.ts (needs redis-server on the PATH).
import { MemoryStore } from "../../src/state/memory-store.js";
import { RedisStore } from "../../src/state/redis-store.js";
import { ResilientStore } from "../../src/state/resilient-store.js";
import type { StateStore } from "../../src/state/state-store.js";
import { RedisServer } from "../support/redis-server.js";
import { RecordingLogger } from "./recording-logger.js";

const N = 5_000;

async function latencies(store: StateStore, label: string, n = N): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await store.claim(`${label}:${i}`, 60);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(3);
  console.log(`${label.padEnd(28)} n=${n}  p50 ${at(0.5)} ms  p99 ${at(0.99)} ms  max ${at(1)} ms`);
}

async function concurrent(store: StateStore, label: string, n: number): Promise<void> {
  const started = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: n }, (_, i) => store.claim(`${label}:${n}:${i}`, 60)),
  );
  const seconds = (performance.now() - started) / 1000;
  const failed = results.filter((result) => result.status === "rejected").length;
  console.log(
    `${label.padEnd(28)} ${n} claims in flight at once: ${Math.round(n / seconds)} claims/s, ${failed} past the deadline`,
  );
}

const server = await RedisServer.start();
try {
  const options = { url: server.url, commandTimeoutMs: 500 };
  const redis = new RedisStore(options);
  await redis.connect();
  const shared = new RedisStore(options);
  await shared.connect();
  const logger = new RecordingLogger();
  const resilient = new ResilientStore({ shared, logger });

  await latencies(new MemoryStore(), "memory");
  await latencies(redis, "redis (loopback)");
  await latencies(resilient, "resilient over redis");
  for (const n of [100, 1_000, 10_000]) await concurrent(redis, "redis (concurrent)", n);

  await server.stop();
  await latencies(resilient, "resilient, redis stopped", 1_000);
  await server.restart();
  let started = performance.now();
  while (!resilient.sharing) await new Promise((resolve) => setTimeout(resolve, 5));
  console.log(
    `shared again ${Math.round(performance.now() - started)} ms after redis-server answered PING`,
  );

  server.freeze();
  started = performance.now();
  await resilient.claim("frozen:first", 60);
  console.log(
    `first claim to a frozen redis answered from memory after ${Math.round(performance.now() - started)} ms`,
  );
  await latencies(resilient, "resilient, redis frozen", 1_000);
  server.thaw();
  console.log(`warnings logged: ${logger.warnings.length}; info lines: ${logger.infos.length}`);

  await resilient.close();
  await redis.close();
  await server.stop();
} finally {
  await server.stop();
}

// `npm run bench -- --reload [--sizes 10k,100k]`: what a reload costs the bot while it serves. The
// bot serves its index from a thread of its own (src/requests/serving-thread.ts); a reload opens
// the next thread, from the prebuilt file, beside the one serving. Measured here, on the thread
// that plays the bot's Slack side: its longest event-loop block while the next thread opens, and
// the time each question takes to come back from the serving thread, quiet and during the reload.
// Issue 20's target: a reload never holds a request for more than 50 ms.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { loadIndexSettings, readCliEnv } from "../../src/config.js";
import { DESK_DERIVATION } from "../../src/requests/desk-data.js";
import { routeRequest } from "../../src/requests/route-request.js";
import { ServingThread } from "../../src/requests/serving-thread.js";
import { buildIndexFromCorpus, writePrebuiltIndex } from "../../src/search/index-store.js";
import { QUESTION_MIX } from "./question-mix.js";
import { writeCorpus } from "./ready-bench.js";
import { heapUsedMiB, type LatencySummary, summarize } from "./stats.js";
import { realisticPassages } from "./synthetic-corpus.js";

const SIZES: Record<string, number> = { "10k": 10_000, "100k": 100_000 };
const QUIET_QUESTIONS = 300;

export interface ReloadBenchRow {
  passages: number;
  /** From asking for the next thread to its first answer (ms). */
  openMs: number;
  /** The longest this thread's event loop was held while the next thread opened (ms). */
  mainBlockMs: number;
  /** The same over the quiet questions: what the machine itself costs (a busy machine's scheduling). */
  quietBlockMs: number;
  /** Questions to the serving thread, one at a time, with no reload running. */
  quiet: LatencySummary;
  /** The same while the next thread opens, and how many were answered meanwhile. */
  during: LatencySummary & { count: number };
  /** This thread's heap after GC with the serving thread ready: what the Slack side holds. */
  mainHeapMiB: number;
}

let asked = 0;
/** A question not asked before (the thread remembers answers): one of the mix, numbered. */
const nextQuestion = () => `${QUESTION_MIX[asked % QUESTION_MIX.length]} (${asked++})`;

async function askMs(thread: ServingThread): Promise<number> {
  const started = performance.now();
  await thread.ask(routeRequest(nextQuestion()), "/ask");
  return performance.now() - started;
}

export async function benchReload(passages: number, base: Parameters<typeof realisticPassages>[0]) {
  const dir = await mkdtemp(join(tmpdir(), "bench-reload-"));
  const settings = {
    corpusDir: join(dir, "corpus"),
    indexFile: join(dir, "index.ndjson"),
    maxArticleBytes: 64 * 1024 * 1024,
  };
  const options = { warn: () => {}, requestDeadlineMs: 60_000 };
  try {
    await writeCorpus(realisticPassages(base, passages), settings.corpusDir);
    await writePrebuiltIndex(settings, { derive: DESK_DERIVATION });
    const serving = await ServingThread.open(settings, options);
    const quiet: number[] = [];
    const quietDelay = monitorEventLoopDelay({ resolution: 1 });
    quietDelay.enable();
    for (let i = 0; i < QUIET_QUESTIONS; i++) quiet.push(await askMs(serving));
    quietDelay.disable();

    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const started = performance.now();
    let opened = false;
    const opening = ServingThread.open(settings, options).finally(() => {
      opened = true;
    });
    const during: number[] = [];
    while (!opened) during.push(await askMs(serving));
    const next = await opening;
    await next.ask(routeRequest(nextQuestion()), "/ask");
    const openMs = performance.now() - started;
    delay.disable();
    const row: ReloadBenchRow = {
      passages,
      openMs,
      mainBlockMs: delay.max / 1e6,
      quietBlockMs: quietDelay.max / 1e6,
      quiet: summarize(quiet),
      during: { ...summarize(during), count: during.length },
      mainHeapMiB: heapUsedMiB(),
    };
    await Promise.all([serving.retire(), next.retire()]);
    return row;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function main(args: string[]): Promise<void> {
  const at = args.indexOf("--sizes");
  const sizes = (at >= 0 ? args[at + 1] : undefined)?.split(",") ?? ["10k", "100k"];
  const { corpusDir } = loadIndexSettings(readCliEnv());
  const base = (await buildIndexFromCorpus(corpusDir)).passages;
  const rows: ReloadBenchRow[] = [];
  for (const size of sizes) {
    const count = SIZES[size];
    if (count === undefined) throw new Error(`bench: unknown size ${size} (10k, 100k)`);
    rows.push(await benchReload(count, base));
  }
  const f = (x: number) => x.toFixed(1);
  console.log("\n## A reload while the bot serves (ms; questions one at a time)\n");
  console.log(
    "| passages | next thread open | main thread's longest block: during / quiet | question p50 / p99 / max, quiet | during the reload (count) | main heap MiB |",
  );
  console.log("|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.passages} | ${f(r.openMs)} | ${f(r.mainBlockMs)} / ${f(r.quietBlockMs)} | ${f(r.quiet.p50)} / ${f(r.quiet.p99)} / ${f(r.quiet.max)} | ${f(r.during.p50)} / ${f(r.during.p99)} / ${f(r.during.max)} (${r.during.count}) | ${f(r.mainHeapMiB)} |`,
    );
  }
}

// The whole desk at a corpus size: how long each part of the build takes (index, news reading,
// suggested questions), the prebuilt file's size, the CLI from start to answer with that file
// (a fresh Node process each time, as `npm run ask` is), and, with the index loaded from the
// file, the first question and p50/p99 one at a time for questions, `timeline`, `sources` and
// `who <name>`, and the heap after a collection with everything loaded.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { buildNewsData } from "../../src/news/news-data.js";
import { prepareNewsViews } from "../../src/news/prepare-views.js";
import type { Passage } from "../../src/passages/passage.js";
import { DESK_DERIVATION, deskDataOf, exampleQuestions } from "../../src/requests/desk-data.js";
import { answererFor } from "../../src/requests/request-answerer.js";
import { routeRequest } from "../../src/requests/route-request.js";
import { openIndex, writePrebuiltIndex } from "../../src/search/index-store.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { idleScavenger } from "../../src/threads/idle-scavenge.js";
import { QUESTION_MIX } from "./question-mix.js";
import { writeCorpus } from "./ready-bench.js";
import { heapUsedMiB, type LatencySummary, summarize, timeMs } from "./stats.js";

export interface DeskBenchRow {
  passages: number;
  build: { indexMs: number; newsMs: number; suggestionsMs: number };
  /** `npm run index` in this process: index, news reading and suggestions, written to the file. */
  prebuiltMs: number;
  prebuiltMiB: number;
  /** A fresh `ask` process with the prebuilt file, start to answer, per request. */
  cli: Record<string, number>;
  /** Loading the prebuilt file (with the news reading) in this process. */
  loadMs: number;
  /**
   * The longest the event loop was held while that file loaded (in one go). The bot does not load
   * on the thread that serves Slack (its serving thread does, beside the one serving): what a
   * reload costs the bot is `npm run bench -- --reload` (reload-bench.ts).
   */
  reloadBlockMs: number;
  /** Preparing the news views as the bot does before its first request (`prepareNewsViews`). */
  viewsMs: number;
  firstQuestionMs: number;
  question: LatencySummary;
  timeline: LatencySummary;
  sources: LatencySummary;
  who: LatencySummary;
  heapMiB: number;
}

/** What the CLI is timed on: a question and each news view. */
export const CLI_REQUESTS = ["who granted asylum", "timeline", "sources", "who peskov"];

function cliMs(request: string, env: Record<string, string>): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, ["scripts/run-compiled.mjs", "ask", request], {
    env: { ...process.env, ...env, NO_COLOR: "1" },
    encoding: "utf8",
    // Only the time is read: `sources` at 100k passages prints megabytes, past spawnSync's 1 MiB
    // default buffer, where the child is killed with SIGTERM and looks like a failed run.
    stdio: ["ignore", "ignore", "pipe"],
  });
  if (run.status !== 0)
    throw new Error(
      `bench: ask ${request} failed (exit ${run.status}, signal ${run.signal}): ${run.stderr}`,
    );
  return performance.now() - started;
}

/** What the serving thread does once a reply is sent (see threads/idle-scavenge.ts). */
const scavengeIfFull = idleScavenger();

/**
 * Each request timed one at a time, as the bot answers them: with the young generation emptied
 * between requests once it is a quarter full, as its serving thread does once a reply is sent.
 */
function latencies(run: (i: number) => void, count: number): LatencySummary {
  return summarize(
    Array.from({ length: count }, (_, i) => {
      const ms = timeMs(() => run(i));
      scavengeIfFull();
      return ms;
    }),
  );
}

/** Each part of the build, timed alone; nothing it builds is kept (the heap is measured later). */
function buildParts(passages: readonly Passage[]): DeskBenchRow["build"] {
  let started = performance.now();
  const built = buildPassageIndex(passages);
  const indexMs = performance.now() - started;
  started = performance.now();
  buildNewsData(built.passages);
  const newsMs = performance.now() - started;
  started = performance.now();
  exampleQuestions(built);
  const suggestionsMs = performance.now() - started;
  return { indexMs, newsMs, suggestionsMs };
}

/** Benchmarks the desk over these passages (written as articles to a temporary corpus). */
export async function benchDesk(
  passages: readonly Passage[],
  rounds: number,
  /** The questions timed (the event's mix unless told): their first is the first question. */
  mix: readonly string[] = QUESTION_MIX,
): Promise<DeskBenchRow> {
  const dir = await mkdtemp(join(tmpdir(), "bench-desk-"));
  const corpusDir = join(dir, "corpus");
  const settings = {
    corpusDir,
    indexFile: join(dir, "index.ndjson"),
    maxArticleBytes: 64 * 1024 * 1024,
  };
  try {
    await writeCorpus(passages, corpusDir);
    const build = buildParts(passages);
    let started = performance.now();
    const { bytes } = await writePrebuiltIndex(settings, { derive: DESK_DERIVATION });
    const prebuiltMs = performance.now() - started;

    const env = { CORPUS_DIR: corpusDir, INDEX_FILE: settings.indexFile };
    const cli = Object.fromEntries(CLI_REQUESTS.map((r) => [r, cliMs(r, env)]));

    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    started = performance.now();
    const opened = await openIndex(settings, { derive: DESK_DERIVATION });
    const loadMs = performance.now() - started;
    await sleep(5); // the last slice's delay is recorded at the loop's next timer
    delay.disable();
    const reloadBlockMs = delay.max / 1e6;
    if (opened.source !== "prebuilt") throw new Error("bench: the prebuilt index was not used");
    const index = opened.index;
    // As the bot serves an index: `who`'s name index and the sources are made before any request,
    // so the requests timed below are what a person waits for, not a first use's preparation.
    const viewsMs = timeMs(() => prepareNewsViews(deskDataOf(index).news));
    // No answer cache: every question is answered, as a new question would be.
    const ask = answererFor(index, { cacheSize: 0 });
    const reply = (text: string) => ask(routeRequest(text), "/ask");
    const firstQuestionMs = timeMs(() => reply(mix[0] ?? QUESTION_MIX[0]));
    const people = deskDataOf(index).news.people;
    const names = people.length > 0 ? people.map((p) => p.name) : ["nobody"];
    const questions = Array.from({ length: rounds }, () => mix).flat();
    // One round before timing, as a bot that has answered a few requests has compiled its code:
    // the first question is timed above, on its own.
    for (const request of [...mix, "timeline", "sources", `who ${names[0]}`]) reply(request);
    const row: DeskBenchRow = {
      passages: passages.length,
      build,
      prebuiltMs,
      prebuiltMiB: bytes / 2 ** 20,
      cli,
      loadMs,
      reloadBlockMs,
      viewsMs,
      firstQuestionMs,
      question: latencies((i) => reply(questions[i] as string), questions.length),
      timeline: latencies(() => reply("timeline"), rounds * 4),
      sources: latencies(() => reply("sources"), rounds * 4),
      who: latencies((i) => reply(`who ${names[i % names.length]}`), rounds * 4),
      heapMiB: heapUsedMiB(),
    };
    return row;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const f = (x: number, digits = 0) => x.toFixed(digits);
const p = (s: LatencySummary) => `${f(s.p50, 2)} / ${f(s.p99, 2)}`;

export function printDesk(rows: readonly DeskBenchRow[]): void {
  console.log("\n## The desk: build, prebuilt file, CLI and requests (ms unless named)\n");
  console.log(
    "| passages | build: index | news | suggestions | `npm run index` | file MiB | load | load: longest event-loop block (ms) | news views | first question | question p50 / p99 | timeline p50 / p99 | sources p50 / p99 | who p50 / p99 | bench process heap MiB |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.passages} | ${f(r.build.indexMs)} | ${f(r.build.newsMs)} | ${f(r.build.suggestionsMs)} | ${f(r.prebuiltMs)} | ${f(r.prebuiltMiB, 1)} | ${f(r.loadMs)} | ${f(r.reloadBlockMs)} | ${f(r.viewsMs)} | ${f(r.firstQuestionMs, 1)} | ${p(r.question)} | ${p(r.timeline)} | ${p(r.sources)} | ${p(r.who)} | ${f(r.heapMiB)} |`,
    );
  }
  console.log(
    "\nBench process heap: this process's heap after a collection, which also holds its generated passages and what it built from them; the bot's own heap is in the start-up table.",
  );
  console.log("\n### CLI with the prebuilt index, start to answer (ms, one fresh process each)\n");
  console.log(`| passages | ${CLI_REQUESTS.map((r) => `\`${r}\``).join(" | ")} |`);
  console.log(`|---|${CLI_REQUESTS.map(() => "---").join("|")}|`);
  for (const r of rows)
    console.log(
      `| ${r.passages} | ${CLI_REQUESTS.map((q) => f(r.cli[q] ?? Number.NaN)).join(" | ")} |`,
    );
}

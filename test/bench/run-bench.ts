// `npm run bench`: speed and memory as the corpus grows, start-up from a prebuilt index, and the
// bot over HTTP under load. Prints tables; `--json` prints one JSON object instead.
//   --sizes real,10k,100k,1m   corpus sizes to measure (default: all four)
//   --quick                    fewer rounds and shorter load runs, for a smoke test
//   --no-http                  skip the HTTP load runs
//   --hostile [--sizes real,10k,100k]
//                              reply time for the messages that froze the bot (hostile-bench.ts)
//   --reload [--sizes 10k,100k]
//                              a reload while the bot serves from its thread (reload-bench.ts)
//   --mixed-eval [--questions FILE] [--sizes real,10k,100k]
//                              answer quality with synthetic passages mixed in (mixed-eval.ts)
//   --no-plain                 skip plain MiniSearch (seconds a question at 100k realistic passages)
//   --no-startup               skip the time-to-ready runs (search only, and HTTP unless --no-http)
//   --no-desk                  skip the desk runs (build parts, prebuilt file, CLI, news views)
//   --no-search                skip the search runs (the desk's own runs then stand alone)
//   --corpus realistic|zipf    what the synthetic sizes are made of (default realistic, below)
// Synthetic sizes use a realistic corpus (test/bench/synthetic-corpus.ts): English words by their
// frequency, rare made-up names, varied sentences, and a tenth of the real corpus's sentences.
// `--corpus zipf` uses made-up words drawn by Zipf's law instead (test/bench/zipf-corpus.ts), the
// kind of corpus an outside reviewer generates: no stop words, nothing of the event.
// Time to a ready bot is measured at the chosen sizes up to 100k passages: past that, building
// from articles takes minutes and the search table's load column tells the story.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getHeapStatistics } from "node:v8";
import { loadIndexSettings, readCliEnv } from "../../src/config.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { benchDesk, type DeskBenchRow, printDesk } from "./desk-bench.js";
import { main as hostileMain } from "./hostile-bench.js";
import { benchHttp, type HttpBenchRow } from "./http-bench.js";
import { main as mixedEvalMain } from "./mixed-eval.js";
import { benchPlain, type PlainBenchRow, printBeside } from "./plain-bench.js";
import { corpusWordQuestions, QUESTION_MIX } from "./question-mix.js";
import { benchReady, buildDist, type ReadyBenchRow, writeCorpus } from "./ready-bench.js";
import { main as reloadMain } from "./reload-bench.js";
import { benchSearch, type SearchBenchRow } from "./search-bench.js";
import { realisticPassages } from "./synthetic-corpus.js";
import { zipfPassages } from "./zipf-corpus.js";

const SIZES: Record<string, number> = { "10k": 10_000, "100k": 100_000, "1m": 1_000_000 };

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function defaultHeapLimitMiB(): number {
  const child = spawnSync(
    process.execPath,
    ["-p", "require('node:v8').getHeapStatistics().heap_size_limit"],
    {
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "" },
    },
  );
  return Number(child.stdout.trim()) / 2 ** 20;
}

const f = (x: number, digits = 1) => x.toFixed(digits);

function printSearch(rows: SearchBenchRow[]): void {
  console.log("\n## Search: full pipeline against plain MiniSearch (ms)\n");
  console.log(
    "| passages | build | heap MiB | p50 | p95 | p99 | plain p50 | plain p95 | plain p99 | ratio p50 | ratio p99 | index file MiB | load |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.passages} | ${f(r.buildMs, 0)} | ${f(r.heapMiB)} | ${f(r.pipeline.p50, 2)} | ${f(r.pipeline.p95, 2)} | ${f(r.pipeline.p99, 2)} | ${f(r.plain.p50, 2)} | ${f(r.plain.p95, 2)} | ${f(r.plain.p99, 2)} | ${f(r.ratioP50, 2)} | ${f(r.ratioP99, 2)} | ${f(r.indexFileMiB)} | ${f(r.loadMs, 0)} |`,
    );
  }
}

function printCpu(rows: SearchBenchRow[]): void {
  console.log("\n## Search: CPU time a question, and the slowest questions (ms)\n");
  console.log("| passages | CPU p50 | CPU p95 | CPU p99 | slowest questions (median wall ms) |");
  console.log("|---|---|---|---|---|");
  for (const r of rows) {
    const slowest = r.slowest.map((s) => `${s.question} (${f(s.p50, 2)})`).join("; ");
    console.log(
      `| ${r.passages} | ${f(r.pipelineCpu.p50, 2)} | ${f(r.pipelineCpu.p95, 2)} | ${f(r.pipelineCpu.p99, 2)} | ${slowest} |`,
    );
  }
}

function printStartup(rows: ReadyBenchRow[]): void {
  console.log("\n## Start-up: time to a ready bot (GET /health 200), in ms\n");
  console.log(
    "| passages | from the articles | from the prebuilt index | index file MiB | bot heap MiB: main + serving thread = total | bot RSS MiB |",
  );
  console.log("|---|---|---|---|---|---|");
  for (const r of rows) {
    const { mainMiB, workersMiB, workers, rssMiB } = r.heap;
    const threads = workers === 1 ? "" : ` (${workers} worker threads)`;
    console.log(
      `| ${r.passages} | ${f(r.fromArticlesMs, 0)} | ${f(r.fromPrebuiltMs, 0)} | ${f(r.indexFileMiB)} | ${f(mainMiB, 0)} + ${f(workersMiB, 0)} = **${f(mainMiB + workersMiB, 0)}**${threads} | ${f(rssMiB, 0)} |`,
    );
  }
  console.log(
    "\nBot heap: the compiled bot started from the prebuilt index with the inspector on (a third start, untimed), after it answered a question, `timeline`, `sources`, `who` and `help`: each thread's used heap after a collection (test/bench/bot-heap.ts). RSS is the whole process.",
  );
}

function printHttp(rows: HttpBenchRow[]): void {
  console.log("\n## HTTP: signed slash commands (ack latency in ms)\n");
  console.log(
    "| server | in flight | acks/s | p50 | p99 | max | errors | non-2xx | acked busy | answers delivered | answers/s | bot CPU ms/command |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
  const orDash = (value: number | null, digits = 0) => (value === null ? "–" : f(value, digits));
  for (const r of rows) {
    console.log(
      `| ${r.server} | ${r.inFlight} | ${f(r.requestsPerSecond, 0)} | ${r.p50} | ${r.p99} | ${r.max} | ${r.errors} | ${r.non2xx} | ${orDash(r.busy)} | ${orDash(r.answered)} | ${orDash(r.answersPerSecond)} | ${orDash(r.cpuMsPerCommand, 2)} |`,
    );
  }
  for (const bot of rows.filter((r) => r.server !== "bare")) {
    const bare = rows.find((r) => r.server === "bare" && r.inFlight === bot.inFlight);
    if (bare)
      console.log(
        `- ${bot.inFlight} in flight: ${bot.server} acks at ${f((100 * bot.requestsPerSecond) / bare.requestsPerSecond, 0)}% of the bare server's rate, answers at ${f((100 * (bot.answersPerSecond ?? 0)) / bare.requestsPerSecond, 0)}%`,
      );
  }
}

async function main(args: string[]): Promise<void> {
  if (args.includes("--hostile")) {
    await hostileMain(args.filter((arg) => arg !== "--hostile"));
    return;
  }
  if (args.includes("--reload")) {
    await reloadMain(args.filter((arg) => arg !== "--reload"));
    return;
  }
  if (args.includes("--mixed-eval")) {
    await mixedEvalMain(args.filter((arg) => arg !== "--mixed-eval"));
    return;
  }
  const json = args.includes("--json");
  const quick = args.includes("--quick");
  const sizes = (option(args, "--sizes") ?? "real,10k,100k,1m").split(",");
  const { corpusDir } = loadIndexSettings(readCliEnv());
  const base = (await buildIndexFromCorpus(corpusDir)).passages;
  const log = (line: string) => json || console.error(line);
  const kind = option(args, "--corpus") ?? "realistic";
  if (kind !== "realistic" && kind !== "zipf") {
    throw new Error(`bench: unknown corpus ${kind} (realistic, zipf)`);
  }
  const generated = (count: number) =>
    kind === "zipf" ? zipfPassages(count) : realisticPassages(base, count);

  const search: SearchBenchRow[] = [];
  for (const size of args.includes("--no-search") ? [] : sizes) {
    const count = size === "real" ? base.length : SIZES[size];
    if (count === undefined) throw new Error(`bench: unknown size ${size} (real, 10k, 100k, 1m)`);
    log(`search: ${count} passages…`);
    const passages = size === "real" ? [...base] : generated(count);
    const rounds = quick ? 2 : count >= 1_000_000 ? 5 : count >= 100_000 ? 20 : 50;
    search.push(await benchSearch(passages, rounds, { plain: !args.includes("--no-plain") }));
  }
  const desk: DeskBenchRow[] = [];
  const deskPlain: PlainBenchRow[] = [];
  const deskSizes = args.includes("--no-desk") ? [] : sizes.filter((s) => s !== "1m");
  // The desk times the CLI (`npm run ask`), which rebuilds dist/ when a source is newer: built
  // here first, so no CLI timing holds a build.
  if (deskSizes.length > 0) buildDist();
  for (const size of deskSizes) {
    log(`desk: ${size}…`);
    const passages = size === "real" ? [...base] : generated(SIZES[size] as number);
    // A generated corpus of made-up words is asked in its own words, as whoever generated it would.
    const mix =
      kind === "zipf" && size !== "real"
        ? corpusWordQuestions(passages, QUESTION_MIX.length)
        : QUESTION_MIX;
    desk.push(await benchDesk(passages, quick ? 2 : 10, mix));
    if (args.includes("--no-plain")) continue;
    log(`plain MiniSearch beside the desk: ${size}…`);
    deskPlain.push(benchPlain(passages, quick ? 2 : 10));
  }
  const startup: ReadyBenchRow[] = [];
  const startupSizes = args.includes("--no-startup") ? [] : sizes.filter((s) => s !== "1m");
  if (startupSizes.length > 0) buildDist();
  for (const size of startupSizes) {
    log(`ready bot: ${size}…`);
    if (size === "real") {
      startup.push(await benchReady(corpusDir));
      continue;
    }
    const dir = await mkdtemp(join(tmpdir(), "bench-corpus-"));
    try {
      await writeCorpus(generated(SIZES[size] as number), dir);
      startup.push(await benchReady(dir));
    } finally {
      await rm(dir, { recursive: true });
    }
  }
  let http: HttpBenchRow[] = [];
  if (!args.includes("--no-http")) {
    log("http…");
    http = await benchHttp([1, 50, 200], quick ? 2 : 10);
  }

  const largest = search.at(-1);
  const bytesPerPassage = largest ? (largest.heapMiB * 2 ** 20) / largest.passages : 0;
  const heap = {
    defaultLimitMiB: defaultHeapLimitMiB(),
    thisRunLimitMiB: getHeapStatistics().heap_size_limit / 2 ** 20,
    bytesPerPassage,
  };
  if (json) {
    console.log(JSON.stringify({ search, desk, deskPlain, startup, http, heap }));
    return;
  }
  if (search.length > 0) printSearch(search);
  if (search.length > 0) printCpu(search);
  if (desk.length > 0) printDesk(desk);
  if (desk.length > 0) printBeside(desk, deskPlain);
  if (startup.length > 0) printStartup(startup);
  if (http.length > 0) printHttp(http);
  console.log(
    `\n## Memory\n\nheap per passage (largest size): ${f(bytesPerPassage, 0)} bytes; default heap limit ${f(heap.defaultLimitMiB, 0)} MiB; this run's ${f(heap.thisRunLimitMiB, 0)} MiB`,
  );
}

await main(process.argv.slice(2));

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MiniSearch from "minisearch";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { IndexCaches } from "../../src/answer/index-caches.js";
import type { Passage } from "../../src/passages/passage.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { readIndexFile, writeIndexFile } from "../../src/search/prebuilt-index.js";
import { QUESTION_MIX } from "./question-mix.js";
import { heapUsedMiB, type LatencySummary, summarize, timeMs } from "./stats.js";

export interface SearchBenchRow {
  passages: number;
  buildMs: number;
  heapMiB: number;
  pipeline: LatencySummary;
  /**
   * The process's CPU time a question (`process.cpuUsage()`: user + system time of every thread,
   * V8's parallel garbage-collection threads included, so it can exceed wall time): unlike wall
   * time, it does not count the time other processes held the core.
   */
  pipelineCpu: LatencySummary;
  /** The slowest questions of the mix by their median wall time, slowest first. */
  slowest: { question: string; p50: number; max: number }[];
  plain: LatencySummary;
  /** Pipeline p50 and p99 over plain MiniSearch's. */
  ratioP50: number;
  ratioP99: number;
  indexFileMiB: number;
  loadMs: number;
}

const WARM_UP_MS = 1_000;

/** Times index build, the full answer pipeline and plain MiniSearch on the same passages. */
export async function benchSearch(
  passages: Passage[],
  rounds: number,
  options: { plain?: boolean } = {},
): Promise<SearchBenchRow> {
  const heapBefore = heapUsedMiB();
  let index = buildPassageIndex([]);
  const buildMs = timeMs(() => {
    index = buildPassageIndex(passages);
  });
  const heapMiB = heapUsedMiB() - heapBefore;

  // Each is timed with only its own index in memory: holding both would double the heap, and
  // the garbage collector's pauses with it, for whichever is measured.
  const timeQuestions = (answer: (q: string) => unknown) => {
    // Warm-up until the JIT has settled: at least one round, then more for up to a second, alike
    // for both (one round at 52 passages takes a millisecond, and times code not yet optimised).
    const warmUntil = performance.now() + WARM_UP_MS;
    for (let round = 0; round === 0 || (round < 500 && performance.now() < warmUntil); round++) {
      for (const q of QUESTION_MIX) answer(q);
    }
    const wall: number[] = [];
    const cpu: number[] = [];
    const byQuestion = new Map<string, number[]>();
    for (let round = 0; round < rounds; round++) {
      for (const q of QUESTION_MIX) {
        const before = process.cpuUsage();
        const ms = timeMs(() => answer(q));
        const used = process.cpuUsage(before);
        wall.push(ms);
        cpu.push((used.user + used.system) / 1000);
        byQuestion.set(q, [...(byQuestion.get(q) ?? []), ms]);
      }
    }
    const slowest = [...byQuestion]
      .map(([question, samples]) => ({ question, ...summarize(samples) }))
      .sort((a, b) => b.p50 - a.p50)
      .slice(0, 5)
      .map(({ question, p50, max }) => ({ question, p50, max }));
    return { wall, cpu, slowest };
  };
  // As the bot serves: one set of caches for the index, shared by every question, and let go
  // with the index before plain MiniSearch is timed.
  const timed = (() => {
    const caches = new IndexCaches(index);
    return timeQuestions((q) => answerQuestion(index, q, { caches }));
  })();
  const pipeline = summarize(timed.wall);
  const pipelineCpu = summarize(timed.cpu);

  // Start-up from a prebuilt index: write it, then time reading and loading it.
  const dir = await mkdtemp(join(tmpdir(), "bench-index-"));
  const file = join(dir, "index.ndjson");
  const indexFileMiB = (await writeIndexFile(index, "bench", file)) / 2 ** 20;
  const loadStart = performance.now();
  const loadedPassages = (await readIndexFile(file, "bench"))?.index.passages.length;
  const loadMs = performance.now() - loadStart;
  if (loadedPassages !== passages.length) throw new Error("bench: prebuilt index did not load");
  await rm(dir, { recursive: true });
  index = buildPassageIndex([]); // let the collector take the pipeline's index before timing plain

  // Plain MiniSearch ORs every term: on a realistic 100k corpus a long question takes seconds, so
  // the comparison can be skipped (`--no-plain`) to time the pipeline alone in minutes.
  let plain: LatencySummary = {
    p50: Number.NaN,
    p95: Number.NaN,
    p99: Number.NaN,
    max: Number.NaN,
  };
  if (options.plain !== false) {
    const plainIndex = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
    plainIndex.addAll(passages.map((p, id) => ({ id, text: p.text })));
    plain = summarize(timeQuestions((q) => plainIndex.search(q)).wall);
  }

  return {
    passages: passages.length,
    buildMs,
    heapMiB,
    pipeline,
    pipelineCpu,
    slowest: timed.slowest,
    plain,
    ratioP50: pipeline.p50 / plain.p50,
    ratioP99: pipeline.p99 / plain.p99,
    indexFileMiB,
    loadMs,
  };
}

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MiniSearch from "minisearch";
import { answerQuestion } from "../../src/answer/answer-question.js";
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
  plain: LatencySummary;
  /** Pipeline p50 and p99 over plain MiniSearch's. */
  ratioP50: number;
  ratioP99: number;
  indexFileMiB: number;
  loadMs: number;
}

/** Times index build, the full answer pipeline and plain MiniSearch on the same passages. */
export async function benchSearch(passages: Passage[], rounds: number): Promise<SearchBenchRow> {
  const heapBefore = heapUsedMiB();
  let index = buildPassageIndex([]);
  const buildMs = timeMs(() => {
    index = buildPassageIndex(passages);
  });
  const heapMiB = heapUsedMiB() - heapBefore;

  // Warm up both, then alternate them question by question so machine noise hits both alike.
  const plainIndex = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
  plainIndex.addAll(passages.map((p, id) => ({ id, text: p.text })));
  for (const q of QUESTION_MIX) {
    answerQuestion(index, q);
    plainIndex.search(q);
  }
  const pipelineSamples: number[] = [];
  const plainSamples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of QUESTION_MIX) {
      pipelineSamples.push(timeMs(() => answerQuestion(index, q)));
      plainSamples.push(timeMs(() => plainIndex.search(q)));
    }
  }
  const pipeline = summarize(pipelineSamples);
  const plain = summarize(plainSamples);

  // Start-up from a prebuilt index: write it, then time reading and loading it.
  const dir = await mkdtemp(join(tmpdir(), "bench-index-"));
  const file = join(dir, "index.json");
  const indexFileMiB = (await writeIndexFile(index, "bench", file)) / 2 ** 20;
  const loadStart = performance.now();
  const loaded = await readIndexFile(file, "bench");
  const loadMs = performance.now() - loadStart;
  if (loaded?.passages.length !== passages.length)
    throw new Error("bench: prebuilt index did not load");
  await rm(dir, { recursive: true });

  return {
    passages: passages.length,
    buildMs,
    heapMiB,
    pipeline,
    plain,
    ratioP50: pipeline.p50 / plain.p50,
    ratioP99: pipeline.p99 / plain.p99,
    indexFileMiB,
    loadMs,
  };
}

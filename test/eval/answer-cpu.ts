// `npx tsx test/eval/answer-cpu.ts [SIZE]`: CPU time of one answerQuestion over the project's
// answerable questions (3 rounds after a warm-up) on the real corpus mixed with realistic synthetic
// passages up to SIZE (default 100000), as the mixed eval builds it, with one set of caches for the
// index as the bot serves it (without, each answer would derive the index's words again). CPU time,
// not wall time, so a loaded machine blurs it less; docs/quality.md compares reading depths with it.
import { fileURLToPath } from "node:url";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { IndexCaches } from "../../src/answer/index-caches.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { realisticPassages } from "../bench/synthetic-corpus.js";
import { PROJECT_QUESTIONS, readQuestionSet } from "./run-eval.js";

const ROUNDS = 3;

async function main(size: number): Promise<void> {
  const questions = (await readQuestionSet(PROJECT_QUESTIONS)).answerable.map(({ q }) => q);
  const base = (await buildIndexFromCorpus(process.env.CORPUS_DIR ?? "corpus")).passages;
  const extra = realisticPassages(base, Math.max(0, size - base.length), { eventShare: 0.1 });
  const index = buildPassageIndex([...base, ...extra]);
  const caches = new IndexCaches(index);
  for (const q of questions) answerQuestion(index, q, { caches });
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const q of questions) {
      const start = process.cpuUsage();
      answerQuestion(index, q, { caches });
      const spent = process.cpuUsage(start);
      samples.push((spent.user + spent.system) / 1000);
    }
  samples.sort((a, b) => a - b);
  const at = (share: number) => (samples[Math.floor(share * (samples.length - 1))] ?? 0).toFixed(2);
  console.log(
    `${index.passages.length} passages, ${samples.length} answers: CPU ms p50 ${at(0.5)}, p95 ${at(0.95)}, p99 ${at(0.99)}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  await main(Number(process.argv[2] ?? 100_000));

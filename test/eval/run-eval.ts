// `npm run eval`: answer quality of the bot's pipeline against MiniSearch with default options, on
// the same passages, over the project's question set (or `--questions FILE`, a JSON list of
// {q, ev} such as ../shared/eval/questions.json). `--misses` lists the questions not answered first;
// `--sweep` measures the pipeline at other values of its two confidence thresholds, to calibrate
// MIN_COVERAGE and MIN_COVERAGE_WITHOUT_EVIDENCE.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import {
  type AnswerOptions,
  answerQuestion,
  MIN_COVERAGE_WITHOUT_EVIDENCE,
} from "../../src/answer/answer-question.js";
import type { PassageIndex } from "../../src/search/passage-index.js";
import { buildIndexFromCorpus } from "../../src/search/prebuilt-index.js";
import { MIN_COVERAGE } from "../../src/search/search-passages.js";
import {
  type LabelledQuestion,
  measureQuality,
  type QualityReport,
  type QuestionSet,
} from "./metrics.js";

export const PROJECT_QUESTIONS = fileURLToPath(new URL("./questions.json", import.meta.url));

export async function readQuestionSet(file: string): Promise<QuestionSet> {
  const data = JSON.parse(await readFile(file, "utf8")) as unknown;
  if (Array.isArray(data)) return { answerable: data as LabelledQuestion[], offTopic: [] };
  return data as QuestionSet;
}

export async function evaluateCorpus(corpusDir: string, set: QuestionSet) {
  const index = await buildIndexFromCorpus(corpusDir);
  const pipeline = measureQuality(set, (q) =>
    answerQuestion(index, q).items.map((item) => item.passage.text),
  );
  const plainIndex = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
  plainIndex.addAll(index.passages.map((p, id) => ({ id, text: p.text })));
  const plain = measureQuality(set, (q) =>
    plainIndex.search(q).map((hit) => index.passages[hit.id as number]?.text ?? ""),
  );
  return { pipeline, plain };
}

const SWEEP = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
const EVIDENCE_SWEEP = [0, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 1.01];

/** The pipeline's quality at each value of one of its thresholds. */
function sweep(
  index: PassageIndex,
  set: QuestionSet,
  values: readonly number[],
  chosen: number,
  optionsFor: (value: number) => AnswerOptions,
): string[] {
  return values.map((value) => {
    const r = measureQuality(set, (q) =>
      answerQuestion(index, q, optionsFor(value)).items.map((item) => item.passage.text),
    );
    const label = value === chosen ? `**${value}**` : String(value);
    return `| ${label} | ${percent(r.top1)} | ${percent(r.hitAt3)} | ${r.offTopicAnswered}/${r.offTopic} | ${r.unanswerableAnswered}/${r.unanswerable} |`;
  });
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function row(name: string, r: QualityReport): string {
  return `| ${name} | ${percent(r.top1)} | ${percent(r.hitAt3)} | ${r.mrr.toFixed(3)} | ${r.offTopicAnswered}/${r.offTopic} | ${r.unanswerableAnswered}/${r.unanswerable} |`;
}

async function main(args: string[]): Promise<void> {
  const at = args.indexOf("--questions");
  const file = at >= 0 ? (args[at + 1] ?? PROJECT_QUESTIONS) : PROJECT_QUESTIONS;
  const set = await readQuestionSet(file);
  const { pipeline, plain } = await evaluateCorpus(process.env.CORPUS_DIR ?? "corpus", set);
  if (args.includes("--json")) {
    console.log(JSON.stringify({ questions: file, pipeline, plain }));
    return;
  }
  console.log(`${set.answerable.length} questions from ${file}\n`);
  console.log("| retrieval | top-1 | hit@3 | MRR | off-topic answered | unanswerable answered |");
  console.log("|---|---|---|---|---|---|");
  console.log(row("this bot", pipeline));
  console.log(row("MiniSearch defaults", plain));
  if (args.includes("--sweep")) {
    const index = await buildIndexFromCorpus(process.env.CORPUS_DIR ?? "corpus");
    const header = "| top-1 | hit@3 | off-topic answered | unanswerable answered |";
    console.log(`\n| min coverage ${header}\n|---|---|---|---|---|`);
    for (const line of sweep(index, set, SWEEP, MIN_COVERAGE, (minCoverage) => ({ minCoverage })))
      console.log(line);
    console.log(`\n| min coverage without type evidence ${header}\n|---|---|---|---|---|`);
    const withoutEvidence = (minCoverageWithoutEvidence: number) => ({
      minCoverageWithoutEvidence,
    });
    for (const line of sweep(
      index,
      set,
      EVIDENCE_SWEEP,
      MIN_COVERAGE_WITHOUT_EVIDENCE,
      withoutEvidence,
    ))
      console.log(line);
  }
  if (args.includes("--misses")) {
    for (const miss of pipeline.misses) console.log(`\nMISS ${miss.q}\n  ${miss.got.join("\n  ")}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));

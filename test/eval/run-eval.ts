// `npm run eval`: answer quality of the bot's pipeline, on the same passages, beside its own
// ranking with every "none" turned off (the ceiling its reply policy works under), MiniSearch with
// default options and three peers (MiniSearch tuned, Lunr and wink-bm25: peer-engines.ts), over
// the project's question set (or `--questions FILE`, a JSON list of {q, ev} such as
// ../shared/eval/questions.json) and `--unanswerable FILE` (a JSON list of questions the articles
// do not answer). It reports top-1, hit@3, MRR and how many replies of each kind (confident,
// tentative, none) the bot gave. `--misses` lists the questions not answered first; `--sweep`
// shows how the reply thresholds trade answers against wrong answers (tuning split only).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import { answerQuestion, rankPassages } from "../../src/answer/answer-question.js";
import type { ReplyThresholds } from "../../src/answer/confidence.js";
import { readCliArgs } from "../../src/cli/cli-args.js";
import { loadIndexSettings, readCliEnv } from "../../src/config.js";
import { stripSlackMarkup } from "../../src/query/slack-markup.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import type { PassageIndex } from "../../src/search/passage-index.js";
import {
  type LabelledQuestion,
  measureQuality,
  type QualityReport,
  type QuestionSet,
} from "./metrics.js";
import { lunrRetriever, miniSearchTunedRetriever, winkRetriever } from "./peer-engines.js";

export const PROJECT_QUESTIONS = fileURLToPath(new URL("./questions.json", import.meta.url));

/** A question file named on the command line is missing or unreadable: said in one line. */
export class QuestionFileError extends Error {
  constructor(file: string, reason: string) {
    super(`eval: cannot read question file ${file}: ${reason}`);
    this.name = "QuestionFileError";
  }
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new QuestionFileError(file, code === "ENOENT" ? "no such file" : String(code));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new QuestionFileError(file, "not valid JSON");
  }
}

/**
 * A question set from a file: either a list of {q, ev} (answerable only) or {answerable,
 * offTopic, unanswerable}. `unanswerableFile`, a JSON list of questions, adds unanswerable ones.
 */
export async function readQuestionSet(
  file: string,
  unanswerableFile?: string,
): Promise<QuestionSet> {
  const data = await readJson(file);
  const set: QuestionSet = Array.isArray(data)
    ? { answerable: data as LabelledQuestion[], offTopic: [] }
    : (data as QuestionSet);
  if (unanswerableFile) {
    const extra = (await readJson(unanswerableFile)) as string[];
    set.unanswerable = [...(set.unanswerable ?? []), ...extra];
  }
  return set;
}

/** Where the shared evaluation sets live, beside the repository; absent in a fresh clone. */
export const SHARED_EVAL_DIR = fileURLToPath(new URL("../../../shared/eval/", import.meta.url));

/** The bot's quality on a set with the given reply thresholds (default: the calibrated ones). */
export function measurePipeline(
  index: PassageIndex,
  set: QuestionSet,
  thresholds?: Partial<ReplyThresholds>,
): QualityReport {
  return measureQuality(set, (q) => {
    const answer = answerQuestion(index, stripSlackMarkup(q), thresholds ? { thresholds } : {});
    return { texts: answer.items.map((item) => item.passage.text), kind: answer.confidence };
  });
}

/**
 * `--sweep`: how the reply thresholds trade the right passage shown against replies shown to
 * off-topic questions and confident replies to unanswerable ones. How REPLY_THRESHOLDS was chosen,
 * on the tuning split only.
 */
export function sweepThresholds(index: PassageIndex, set: QuestionSet): string[] {
  const lines = [
    "| confident from information / coverage | tentative from topical / coverage (related tier) | top-1 | hit@3 | off-topic shown | unanswerable shown / confident |",
    "|---|---|---|---|---|---|",
  ];
  for (const confidentInformation of [1.5, 1.8, 2.5])
    for (const confidentCoverage of [0.5, 0.7])
      for (const relatedTopical of [0.5, 0.7, 0.9])
        for (const relatedCoverage of [0.2, 0.3, 0.4]) {
          const r = measurePipeline(index, set, {
            confidentInformation,
            confidentCoverage,
            relatedTopical,
            relatedCoverage,
          });
          lines.push(
            `| ${confidentInformation} / ${confidentCoverage} | ${relatedTopical} / ${relatedCoverage} | ${percent(r.top1)} | ${percent(r.hitAt3)} | ${r.offTopicAnswered}/${r.offTopic} | ${r.unanswerableAnswered} / ${r.unanswerableConfident} of ${r.unanswerable} |`,
          );
        }
  return lines;
}

export async function evaluateCorpus(corpusDir: string, set: QuestionSet) {
  const index = await buildIndexFromCorpus(corpusDir);
  const pipeline = measureQuality(set, (q) => {
    const answer = answerQuestion(index, stripSlackMarkup(q));
    return { texts: answer.items.map((item) => item.passage.text), kind: answer.confidence };
  });
  // The ceiling the reply policy works under: the same ranking with every "none" turned off.
  const ranking = measureQuality(set, (q) => {
    const texts = rankPassages(index, stripSlackMarkup(q)).candidates.map((c) => c.passage.text);
    return [...new Set(texts)];
  });
  const plainIndex = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
  plainIndex.addAll(index.passages.map((p, id) => ({ id, text: p.text })));
  const plain = measureQuality(set, (q) =>
    plainIndex.search(q).map((hit) => index.passages[hit.id as number]?.text ?? ""),
  );
  const tuned = measureQuality(set, miniSearchTunedRetriever(index.passages));
  const lunr = measureQuality(set, lunrRetriever(index.passages));
  const wink = measureQuality(set, winkRetriever(index.passages));
  return { pipeline, ranking, plain, tuned, lunr, wink };
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function row(name: string, r: QualityReport): string {
  const kinds = r.kinds ? `${r.kinds.confident} / ${r.kinds.tentative} / ${r.kinds.none}` : "—";
  return `| ${name} | ${percent(r.top1)} | ${percent(r.hitAt3)} | ${r.mrr.toFixed(3)} | ${r.offTopicAnswered}/${r.offTopic} | ${r.unanswerableAnswered}/${r.unanswerable} | ${kinds} |`;
}

const USAGE = `usage: npm run eval -- [--questions FILE] [--unanswerable FILE] [--json | --misses | --sweep]
  Answer quality over CORPUS_DIR (default corpus/) on the project's questions, or on FILE's.`;

const OPTIONS = {
  questions: { type: "string" },
  unanswerable: { type: "string" },
  json: { type: "boolean" },
  misses: { type: "boolean" },
  sweep: { type: "boolean" },
} as const;

async function main(argv: string[]): Promise<number> {
  const parsed = readCliArgs("eval", USAGE, argv, OPTIONS);
  if (!parsed.run) return parsed.exitCode;
  const args = parsed.values;
  const file = args.questions ?? PROJECT_QUESTIONS;
  const set = await readQuestionSet(file, args.unanswerable);
  const { corpusDir } = loadIndexSettings(readCliEnv());
  if (args.sweep) {
    const index = await buildIndexFromCorpus(corpusDir);
    for (const line of sweepThresholds(index, set)) console.log(line);
    return 0;
  }
  const { pipeline, ranking, plain, tuned, lunr, wink } = await evaluateCorpus(corpusDir, set);
  if (args.json) {
    console.log(JSON.stringify({ questions: file, pipeline, ranking, plain, tuned, lunr, wink }));
    return 0;
  }
  console.log(
    `${set.answerable.length} answerable, ${set.offTopic.length} off-topic, ${set.unanswerable?.length ?? 0} unanswerable questions from ${file}\n`,
  );
  console.log(
    "| retrieval | top-1 | hit@3 | MRR | off-topic answered | unanswerable answered | replies confident / tentative / none |",
  );
  console.log("|---|---|---|---|---|---|---|");
  console.log(row("this bot", pipeline));
  console.log(row("this bot's ranking, every none off", ranking));
  console.log(row("MiniSearch defaults", plain));
  console.log(row("MiniSearch, stems + stop words + fuzzy 0.2 + prefix", tuned));
  console.log(row("Lunr, stems + edit distance 1", lunr));
  console.log(row("wink-bm25-text-search, stems", wink));
  if (args.misses) {
    for (const miss of pipeline.misses) console.log(`\nMISS ${miss.q}\n  ${miss.got.join("\n  ")}`);
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof QuestionFileError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  }
}

// `npm run bench -- --mixed-eval` (or `tsx test/bench/mixed-eval.ts`): answer quality as the corpus
// grows. The real corpus's passages are mixed with N realistic synthetic ones (see
// synthetic-corpus.ts), and the question set (default test/eval/questions.json, `--questions FILE`)
// is scored at each size: top-1, hit@3, and which questions hit@3 on the real corpus but not at the
// larger size. The bar: at 100k passages, lose at most one question.
//   --sizes real,10k,100k    sizes to measure (total passages, real ones included)
//   --event-share 0.1        share of synthetic sentences copied from the real corpus
//   --json                   one JSON object instead of tables
import { fileURLToPath } from "node:url";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { IndexCaches } from "../../src/answer/index-caches.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { measureQuality, type QualityReport } from "../eval/metrics.js";
import { PROJECT_QUESTIONS, readQuestionSet } from "../eval/run-eval.js";
import { realisticPassages } from "./synthetic-corpus.js";

const SIZES: Record<string, number> = { "10k": 10_000, "100k": 100_000, "1m": 1_000_000 };

export interface MixedEvalRow {
  size: string;
  passages: number;
  report: QualityReport;
  /** Questions answered within the top 3 on the real corpus and not at this size. */
  lost: string[];
  /** Questions answered first on the real corpus and not at this size. */
  lostTop1: string[];
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** Scores the question set on the real corpus and on the real corpus mixed into each larger size. */
export async function mixedEval(
  corpusDir: string,
  questionsFile: string,
  sizes: readonly string[],
  eventShare = 0.1,
  log: (line: string) => void = () => {},
): Promise<MixedEvalRow[]> {
  const set = await readQuestionSet(questionsFile);
  const base = (await buildIndexFromCorpus(corpusDir)).passages;
  const rows: MixedEvalRow[] = [];
  let reference: Map<string, number> | null = null;
  for (const size of ["real", ...sizes.filter((s) => s !== "real")]) {
    const total = size === "real" ? base.length : SIZES[size];
    if (total === undefined) {
      throw new Error(`mixed-eval: unknown size ${size} (real, 10k, 100k, 1m)`);
    }
    log(`mixed-eval: ${total} passages…`);
    const extra =
      size === "real"
        ? []
        : realisticPassages(base, Math.max(0, total - base.length), { eventShare });
    const index = buildPassageIndex([...base, ...extra]);
    const caches = new IndexCaches(index);
    const retrieve = (q: string) =>
      answerQuestion(index, q, { caches }).items.map((item) => item.passage.text);
    const report = measureQuality(set, retrieve);
    const ranks = new Map(
      set.answerable.map(({ q, ev }) => {
        const pattern = new RegExp(ev, "i");
        return [
          q,
          retrieve(q)
            .slice(0, 3)
            .findIndex((text) => pattern.test(text)),
        ] as const;
      }),
    );
    reference ??= ranks;
    const was = reference;
    const lost = [...ranks].filter(([q, rank]) => (was.get(q) ?? -1) >= 0 && rank < 0);
    const lostTop1 = [...ranks].filter(([q, rank]) => was.get(q) === 0 && rank !== 0);
    rows.push({
      size,
      passages: base.length + extra.length,
      report,
      lost: lost.map(([q]) => q),
      lostTop1: lostTop1.map(([q]) => q),
    });
  }
  return rows;
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

export async function main(args: string[]): Promise<void> {
  const questions = option(args, "--questions") ?? PROJECT_QUESTIONS;
  const sizes = (option(args, "--sizes") ?? "real,10k,100k").split(",");
  const eventShare = Number(option(args, "--event-share") ?? "0.1");
  const json = args.includes("--json");
  const rows = await mixedEval(
    process.env.CORPUS_DIR ?? "corpus",
    questions,
    sizes,
    eventShare,
    (line) => json || console.error(line),
  );
  if (json) {
    console.log(JSON.stringify({ questions, eventShare, rows }));
    return;
  }
  console.log(`\n## Answer quality as the corpus grows (${questions})\n`);
  console.log("| passages | top-1 | hit@3 | lost at hit@3 | lost at top-1 | off-topic answered |");
  console.log("|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.passages} | ${percent(r.report.top1)} | ${percent(r.report.hitAt3)} | ${r.lost.length} | ${r.lostTop1.length} | ${r.report.offTopicAnswered}/${r.report.offTopic} |`,
    );
  }
  for (const r of rows.filter((row) => row.lost.length > 0 || row.lostTop1.length > 0)) {
    console.log(`\n${r.passages} passages: lost at hit@3: ${r.lost.join(" · ") || "none"}`);
    console.log(`  no longer first: ${r.lostTop1.join(" · ") || "none"}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));

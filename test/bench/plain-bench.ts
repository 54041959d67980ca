// Plain MiniSearch over the same passages, measured as the desk is (see desk-bench.ts), so every
// size's table puts the bot beside the library it is built on: build, saved file, load, the first
// question, p50/p99 one question at a time, heap after a collection. Plain MiniSearch has no news
// views: its timeline, sources and who cells are empty.
import MiniSearch from "minisearch";
import type { Passage } from "../../src/passages/passage.js";
import type { DeskBenchRow } from "./desk-bench.js";
import { QUESTION_MIX } from "./question-mix.js";
import { heapUsedMiB, type LatencySummary, summarize, timeMs } from "./stats.js";

export interface PlainBenchRow {
  passages: number;
  buildMs: number;
  /** `JSON.stringify(miniSearch)`, what MiniSearch saves and loads. */
  fileMiB: number;
  /** `MiniSearch.loadJSON` of that: its start from a saved index. */
  loadMs: number;
  firstQuestionMs: number;
  question: LatencySummary;
  /** Heap after a collection with the loaded index (and the bench's passages, as in the desk's). */
  heapMiB: number;
}

type Plain = MiniSearch<{ id: number; text: string }>;
const OPTIONS = { fields: ["text"] };

/** Plain MiniSearch (its defaults: every term ORed, text field only) over these passages. */
export function benchPlain(passages: readonly Passage[], rounds: number): PlainBenchRow {
  let built: Plain = new MiniSearch(OPTIONS);
  const buildMs = timeMs(() => {
    built = new MiniSearch(OPTIONS);
    built.addAll(passages.map((p, id) => ({ id, text: p.text })));
  });
  let json = JSON.stringify(built);
  built = new MiniSearch(OPTIONS); // only the loaded copy is kept, as a start from the file would
  let index: Plain = built;
  const loadMs = timeMs(() => {
    index = MiniSearch.loadJSON(json, OPTIONS);
  });
  const fileMiB = Buffer.byteLength(json) / 2 ** 20;
  json = "";
  const firstQuestionMs = timeMs(() => index.search(QUESTION_MIX[0]));
  const questions = Array.from({ length: rounds }, () => QUESTION_MIX).flat();
  const question = summarize(questions.map((q) => timeMs(() => index.search(q))));
  return {
    passages: passages.length,
    buildMs,
    fileMiB,
    loadMs,
    firstQuestionMs,
    question,
    heapMiB: heapUsedMiB(),
  };
}

const f = (x: number, digits = 0) => x.toFixed(digits);
const p = (s: LatencySummary) => `${f(s.p50, 2)} / ${f(s.p99, 2)}`;

/** Each size's desk row and plain MiniSearch's, one above the other (ms unless named). */
export function printBeside(desk: readonly DeskBenchRow[], plain: readonly PlainBenchRow[]): void {
  console.log("\n## The desk beside plain MiniSearch, same passages (ms unless named)\n");
  console.log(
    "| passages | | build, written (index / news / suggestions, each alone) | file MiB | load | first question | question p50 / p99 | timeline p50 / p99 | sources p50 / p99 | who p50 / p99 | bench process heap MiB |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const d of desk) {
    console.log(
      `| ${d.passages} | desk | ${f(d.prebuiltMs)} (${f(d.build.indexMs)} / ${f(d.build.newsMs)} / ${f(d.build.suggestionsMs)}) | ${f(d.prebuiltMiB, 1)} | ${f(d.loadMs)} | ${f(d.firstQuestionMs, 1)} | ${p(d.question)} | ${p(d.timeline)} | ${p(d.sources)} | ${p(d.who)} | ${f(d.heapMiB)} |`,
    );
    const m = plain.find((row) => row.passages === d.passages);
    if (m)
      console.log(
        `| ${m.passages} | plain MiniSearch | ${f(m.buildMs)} | ${f(m.fileMiB, 1)} | ${f(m.loadMs)} | ${f(m.firstQuestionMs, 1)} | ${p(m.question)} | – | – | – | ${f(m.heapMiB)} |`,
      );
  }
}

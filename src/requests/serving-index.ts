import { answerQuestion } from "../answer/answer-question.js";
import { suggestQuestions } from "../answer/suggest-questions.js";
import type { CorpusStats } from "../format/home-view.js";
import type { PassageIndex } from "../search/passage-index.js";
import { corpusStatsOf } from "./corpus-stats.js";
import { answererFor, type RequestAnswerer } from "./request-answerer.js";

/** How many example questions are kept: Slack shows up to four suggested prompts. */
export const EXAMPLE_COUNT = 4;

/** Questions the articles answer confidently, best first, generated from them. */
export function exampleQuestions(index: PassageIndex, count = EXAMPLE_COUNT): string[] {
  return suggestQuestions(index, count, (i, q) => answerQuestion(i, q, { suggest: false }));
}

/**
 * Everything the bot serves from one index, prepared together so a reload swaps it in one step:
 * the answerer (with its news reading and cache), the example questions and the counts.
 */
export interface ServingIndex {
  index: PassageIndex;
  ask: RequestAnswerer;
  /** Questions the articles answer confidently, best first (suggested prompts, Home, help). */
  examples: readonly string[];
  stats: CorpusStats;
}

/**
 * Prepares an index for serving. The news reading and the example questions are built here, once,
 * so no person's first question pays for them.
 */
export function prepareServingIndex(index: PassageIndex): ServingIndex {
  const examples = exampleQuestions(index);
  // answererFor builds the index's news reading (attribution, claims, dates) at once.
  const ask = answererFor(index, { examples: () => examples });
  return { index, ask, examples, stats: corpusStatsOf(index) };
}

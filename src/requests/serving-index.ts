import type { IndexCaches } from "../answer/index-caches.js";
import type { CorpusStats } from "../format/home-view.js";
import { prepareNewsViews } from "../news/prepare-views.js";
import type { PassageIndex } from "../search/passage-index.js";
import { corpusStatsOf } from "./corpus-stats.js";
import { deskDataOf, servingCachesOf } from "./desk-data.js";
import { answererFor, type RequestAnswerer } from "./request-answerer.js";

export { EXAMPLE_COUNT, exampleQuestions } from "./desk-data.js";

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
  /** What its questions derive from the index and share (see IndexCaches): dropped with it on reload. */
  caches: IndexCaches;
}

/**
 * Prepares an index for serving. The news reading and the example questions were built with the
 * index (see desk-data.ts; for an index built without them they are built here, once), so no
 * person's first question pays for them.
 */
export function prepareServingIndex(index: PassageIndex): ServingIndex {
  const { examples, news } = deskDataOf(index);
  // Once per index, before its first request, not during it. The bot only: the terminal answers
  // one request and makes just what that request needs.
  prepareNewsViews(news);
  const caches = servingCachesOf(index);
  const ask = answererFor(index, { examples: () => examples, caches });
  return { index, ask, examples, stats: corpusStatsOf(index), caches };
}

import type { CorpusStats } from "../format/home-view.js";
import type { PassageIndex } from "../search/passage-index.js";

/** What an index holds, counted: articles, outlets named, passages, and the dates they span. */
export function corpusStatsOf(index: PassageIndex): CorpusStats {
  const articles = new Set<string>();
  const outlets = new Set<string>();
  const dates: string[] = [];
  for (const passage of index.passages) {
    if (articles.has(passage.articleId)) continue;
    articles.add(passage.articleId);
    if (passage.outlet !== null) outlets.add(passage.outlet);
    if (passage.published !== null) dates.push(passage.published);
  }
  dates.sort();
  return {
    articles: articles.size,
    outlets: outlets.size,
    passages: index.passages.length,
    firstPublished: dates[0] ?? null,
    lastPublished: dates.at(-1) ?? null,
  };
}

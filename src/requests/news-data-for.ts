import { buildNewsData, type NewsData } from "../news/news-data.js";
import type { PassageIndex } from "../search/passage-index.js";

/** One news reading per index: an index never changes its passages, so neither does this. */
const cache = new WeakMap<PassageIndex, NewsData>();

/** The news data of an index, built on first use and kept while the index lives. */
export function newsDataFor(index: PassageIndex): NewsData {
  let data = cache.get(index);
  if (!data) {
    data = buildNewsData(index.passages);
    cache.set(index, data);
  }
  return data;
}

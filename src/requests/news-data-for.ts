import type { NewsData } from "../news/news-data.js";
import type { PassageIndex } from "../search/passage-index.js";
import { deskDataOf } from "./desk-data.js";

/**
 * The news data of an index: read from the index file or built with the index (see desk-data.ts);
 * built here only for an index made without it, once, and kept while the index lives.
 */
export function newsDataFor(index: PassageIndex): NewsData {
  return deskDataOf(index).news;
}

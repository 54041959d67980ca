import type { Answer } from "../answer/answer.js";
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

/**
 * What an answer's news fields read of the index's news reading: the whole reading once it is
 * read (the bot reads it before its first request), else the lines of the answer's passages only
 * (the CLI's one question at 100k passages parses a few lines of 120,000).
 */
export function newsForAnswer(index: PassageIndex, answer: Answer): NewsData {
  return deskDataOf(index).newsOf(answer.items.map((item) => item.passage.id));
}

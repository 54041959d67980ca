import type { ArticleSource } from "../corpus/article-source.js";
import type { Passage } from "../passages/passage.js";

/** One quoted passage in an answer. */
export interface AnswerItem {
  passage: Passage;
  score: number;
  /** Index terms of the passage that matched the question: the words to emphasise. */
  matchedTerms: string[];
  /** Index in `passage.sentences` of the sentence that best answers the question. */
  answerSentence: number;
  /** Other outlets whose articles carry the same fact, nearly word for word. */
  alsoReportedBy: ArticleSource[];
}

/**
 * How surely the articles answer: `confident`, the passages answer it; `tentative`, they are the
 * closest but may not answer it; `none`, the articles do not say (and `items` is empty).
 */
export type Confidence = "confident" | "tentative" | "none";

/** What the bot says to a question: the best passages, best first, or none. */
export interface Answer {
  /** As the person wrote it. */
  question: string;
  confidence: Confidence;
  items: AnswerItem[];
  /** With `none`: questions the articles do answer, generated from them (`suggestQuestions`). */
  suggestions?: string[];
}

export function sourceOf(passage: Passage): ArticleSource {
  return {
    outlet: passage.outlet,
    title: passage.title,
    url: passage.url,
    published: passage.published,
  };
}

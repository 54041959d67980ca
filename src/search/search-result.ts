import type { Passage } from "../passages/passage.js";

/** One passage that answers a question, with how well it does. */
export interface SearchResult {
  passage: Passage;
  score: number;
  /** Share of the question's information (by inverse document frequency) the passage matches, 0–1. */
  coverage: number;
  /** Index terms of the passage that matched the question: for emphasis. */
  matchedTerms: string[];
}

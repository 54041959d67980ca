import { randomBytes } from "node:crypto";
import type { Answer } from "../answer/answer.js";

/** What a vote on an answer must record besides the vote: which answer, to what, showing what. */
export interface AnswerRef {
  /** Unique per posted answer, so votes on two posts of one question stay apart. */
  answerId: string;
  /** The question as asked. */
  question: string;
  /** Url of each passage shown (its id where it has none), best first. */
  passages: string[];
}

/** A fresh answer id: 12 random bytes, base64url (16 characters). */
export function newAnswerId(): string {
  return randomBytes(12).toString("base64url");
}

/**
 * The reference for a vote on `answer`. A passage is named by its article's url, which a person
 * reading the report can open, or by its passage id when the article has no url.
 */
export function answerRefOf(answer: Answer, answerId: string = newAnswerId()): AnswerRef {
  return {
    answerId,
    question: answer.question,
    passages: answer.items.map(({ passage }) => passage.url ?? passage.id),
  };
}

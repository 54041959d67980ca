import type { Answer } from "../answer/answer.js";

/** The CLI's `--json` contract: one object per question. */
export interface AnswerJson {
  query: string;
  /** How surely the articles answer: "confident", "tentative" (closest passages) or "none". */
  confidence: Answer["confidence"];
  /** With "none": questions the articles do answer. */
  suggestions?: string[];
  results: {
    text: string;
    title: string | null;
    outlet: string | null;
    url: string | null;
    published: string | null;
    score: number;
    answer: string;
    alsoReportedBy: (string | null)[];
  }[];
}

export function toAnswerJson(answer: Answer): AnswerJson {
  return {
    query: answer.question,
    confidence: answer.confidence,
    ...(answer.suggestions ? { suggestions: answer.suggestions } : {}),
    results: answer.items.map((item) => ({
      text: item.passage.text,
      title: item.passage.title,
      outlet: item.passage.outlet,
      url: item.passage.url,
      published: item.passage.published,
      score: Math.round(item.score * 1000) / 1000,
      answer: item.passage.sentences[item.answerSentence] ?? item.passage.text,
      alsoReportedBy: item.alsoReportedBy.map((source) => source.outlet),
    })),
  };
}

import type { Answer } from "../answer/answer.js";
import { type AnswerOptions, answerQuestion } from "../answer/answer-question.js";
import type { Reply } from "../format/reply.js";
import type { NewsData } from "../news/news-data.js";
import { type NewsFields, newsFieldsOf } from "../news/news-fields.js";
import { listSources } from "../news/sources.js";
import { buildTimeline } from "../news/timeline.js";
import { findPerson, whoSaid } from "../news/who.js";
import type { PassageIndex } from "../search/passage-index.js";
import { newsDataFor, newsForAnswer } from "./news-data-for.js";
import type { Request } from "./route-request.js";

export type { Reply } from "../format/reply.js";

export interface RequestOptions {
  /** How help names the command: "/ask", "npm run ask --". */
  commandName: string;
  /** Example questions help shows (the caller passes `suggestQuestions`'s); none when absent. */
  examples?: readonly string[];
  /** Options for questions. */
  answer?: AnswerOptions;
  /**
   * The news reading of the index; when not given, the index's own (see news-data-for.ts), and
   * for a question only what its answer's passages need of it.
   */
  news?: NewsData;
}

/** The news fields of each item of an answer, read at its answer sentence. */
export function newsFieldsOfAnswer(news: NewsData, answer: Answer): NewsFields[] {
  return answer.items.map((item) => newsFieldsOf(news, item.passage, item.answerSentence));
}

/**
 * Whether answering the request may search the index, known before the news reading is: a
 * question, and `who`, whose name may be nobody's. The rest read the news reading only.
 */
export function maySearch(request: Request): boolean {
  return request.kind === "question" || request.kind === "who";
}

/**
 * Whether answering the request searches the index: a question, and `who` a name nobody in the
 * articles has, which `answerRequest` answers as a question. The rest read the news reading only.
 */
export function searchesIndex(request: Request, news: NewsData): boolean {
  if (!maySearch(request)) return false;
  return request.kind !== "who" || findPerson(news.people, request.name) === null;
}

/**
 * Turns a routed request into a reply from the index. `who` a name nobody in the articles has is
 * answered as the question it may be ("who shelled the city").
 */
export function answerRequest(
  index: PassageIndex,
  request: Request,
  options: RequestOptions,
): Reply {
  const news = () => options.news ?? newsDataFor(index);
  switch (request.kind) {
    case "help":
      return {
        kind: "help",
        commandName: options.commandName,
        examples: options.examples ?? [],
        articles: news().articles.length,
      };
    case "sources":
      return { kind: "sources", sources: listSources(news()) };
    case "timeline":
      return {
        kind: "timeline",
        words: request.words,
        events: buildTimeline(news(), request.words),
      };
    case "who": {
      const report = whoSaid(news(), request.name);
      if (report.found) return { kind: "who", report };
      return answerRequest(index, { kind: "question", question: `who ${request.name}` }, options);
    }
    case "who-usage":
      return { kind: "who-usage", commandName: options.commandName };
    case "too-long":
      return request;
    case "add":
    case "follow":
    case "unfollow":
      return { kind: "desk-only", commandName: options.commandName };
    case "question": {
      const answer = answerQuestion(index, request.question, options.answer);
      const fields = newsFieldsOfAnswer(options.news ?? newsForAnswer(index, answer), answer);
      return { kind: "question", answer, news: fields, commandName: options.commandName };
    }
  }
}

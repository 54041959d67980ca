import type { Answer } from "../answer/answer.js";
import type { CitedArticle, NewsFields } from "../news/news-fields.js";
import { markGaps } from "../passages/mark-gaps.js";

/** Another article that reports the same claim, as JSON gives it. */
type ReportedByJson = Pick<CitedArticle, "title" | "outlet" | "url" | "reprinting">;

/** The CLI's `--json` contract: one object per question. */
export interface AnswerJson {
  query: string;
  /** How surely the articles answer: "confident", "tentative" (closest passages) or "none". */
  confidence: Answer["confidence"];
  /** With "none": questions the articles do answer. */
  suggestions?: string[];
  results: {
    /** The passage with scraper holes shown as "[…]", as every reply shows it. */
    text: string;
    /** The passage as scraped, to find it in the article word for word. */
    rawText: string;
    title: string | null;
    outlet: string | null;
    /** The outlet, or what the article gives in its place ("unattributed, citing …"). */
    outletLabel: string | null;
    url: string | null;
    published: string | null;
    score: number;
    /** The sentence that best answers, holes marked like `text`. */
    answer: string;
    /** Who is quoted ("Dmitry Peskov, Kremlin spokesman"), or null when nobody is. */
    speaker: string | null;
    /** The agencies that relayed it. */
    via: string[];
    /** The other articles that report the same claim; empty when this article alone does. */
    reportedBy: ReportedByJson[];
    /** For a quoted reprint: how its original is named. Absent for an original. */
    reprinting?: string;
    /** Reprints carrying the same claim, not counted in `reportedBy`; absent when there are none. */
    reprintedBy?: ReportedByJson[];
  }[];
}

/**
 * A question's answer as JSON. `news` holds the items' news fields, in order; without them
 * `speaker` is null and the lists are empty.
 */
export function toAnswerJson(answer: Answer, news: readonly NewsFields[] = []): AnswerJson {
  return {
    query: answer.question,
    confidence: answer.confidence,
    ...(answer.suggestions ? { suggestions: answer.suggestions } : {}),
    results: answer.items.map((item, i) => {
      const fields = news[i];
      return {
        text: markGaps(item.passage.text),
        rawText: item.passage.text,
        title: item.passage.title,
        outlet: item.passage.outlet,
        outletLabel: fields?.source.outlet ?? item.passage.outlet,
        url: item.passage.url,
        published: item.passage.published,
        score: Math.round(item.score * 1000) / 1000,
        answer: markGaps(item.passage.sentences[item.answerSentence] ?? item.passage.text),
        speaker: fields?.speaker ?? null,
        via: fields?.via ?? [],
        reportedBy: (fields?.reportedBy ?? []).map(reportedByJson),
        ...(fields?.source.reprinting !== undefined
          ? { reprinting: fields.source.reprinting }
          : {}),
        ...(fields?.reprintedBy ? { reprintedBy: fields.reprintedBy.map(reportedByJson) } : {}),
      };
    }),
  };
}

function reportedByJson({ title, outlet, url, reprinting }: CitedArticle): ReportedByJson {
  return { title, outlet, url, ...(reprinting !== undefined ? { reprinting } : {}) };
}

import { markGaps } from "../passages/mark-gaps.js";
import { newsSourceOf } from "./article-labels.js";
import { contentStems } from "./content-stems.js";
import { type NewsData, type SentenceInfo, sameClaimIn } from "./news-data.js";

/** One dated event of the story: its date, one quoted sentence, and its source. */
export interface TimelineEvent {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  inferred: boolean;
  text: string;
  title: string;
  outlet: string;
  url: string | null;
}

/** Earlier dates first; a month or year before the days inside it. */
function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sentences about one event on one date, from one article or several: one line on the timeline. */
function sameEvent(data: NewsData, a: SentenceInfo, b: SentenceInfo): boolean {
  return a.date?.date === b.date?.date && sameClaimIn(data, a, b);
}

function matches(sentence: SentenceInfo, wanted: ReadonlySet<string>): boolean {
  if (wanted.size === 0) return true;
  for (const stem of wanted) if (!sentence.claim.stems.has(stem)) return false;
  return true;
}

/**
 * The dated events of the story, oldest first, each with one quoted sentence and its source; with
 * words, only events whose sentence holds all of them. A given date is preferred to an inferred one
 * for the same event, and an event reported by several articles is shown once.
 */
export function buildTimeline(data: NewsData, words = ""): TimelineEvent[] {
  const wanted = contentStems(words);
  const dated = data.sentences.filter((s) => s.date !== null && matches(s, wanted));
  const order = new Map(dated.map((s, i) => [s, i]));
  dated.sort(
    (a, b) =>
      compareDates(a.date?.date ?? "", b.date?.date ?? "") ||
      Number(a.date?.inferred) - Number(b.date?.inferred) ||
      (order.get(a) ?? 0) - (order.get(b) ?? 0),
  );
  const kept: SentenceInfo[] = [];
  for (const sentence of dated) {
    if (!kept.some((k) => sameEvent(data, k, sentence))) kept.push(sentence);
  }
  return kept.flatMap((sentence) => {
    const article = data.articleById.get(sentence.articleId);
    if (!article || !sentence.date) return [];
    return [
      {
        date: sentence.date.date,
        inferred: sentence.date.inferred,
        text: markGaps(sentence.text),
        ...newsSourceOf(article),
      },
    ];
  });
}

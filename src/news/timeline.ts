import { markGaps } from "../passages/mark-gaps.js";
import { type LabelledSource, newsSourceOf } from "./article-labels.js";
import { contentStems } from "./content-stems.js";
import type { NewsData, SentenceInfo } from "./news-data.js";

/** One dated event of the story: its date, one quoted sentence, and its source. */
export interface TimelineEvent extends LabelledSource {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  inferred: boolean;
  text: string;
}

function matches(data: NewsData, sentence: SentenceInfo, wanted: ReadonlySet<string>): boolean {
  if (wanted.size === 0) return true;
  const stems = data.datedStems.get(sentence.textId);
  if (!stems) return false;
  for (const stem of wanted) if (!stems.has(stem)) return false;
  return true;
}

/**
 * The dated events of the story, oldest first, each with one quoted sentence and its source; with
 * words, only events whose sentence holds all of them. A given date is preferred to an inferred one
 * for the same event, and an event reported by several articles is shown once.
 */
export function buildTimeline(data: NewsData, words = ""): TimelineEvent[] {
  const wanted = contentStems(words);
  // Sentences about one event on one date, from one article or several, are one line: a sentence
  // is left out when one kept before it has its date and its claim. Kept lines are looked up by
  // text and date, so this reads each sentence's claim neighbours once, not every kept line.
  const keptAt = new Set<string>();
  const kept: SentenceInfo[] = [];
  for (const sentence of data.timeline) {
    if (!matches(data, sentence, wanted)) continue;
    const date = sentence.date?.date ?? "";
    const same = data.sameClaim[sentence.textId] ?? [];
    if (same.some((textId) => keptAt.has(`${textId}\n${date}`))) continue;
    kept.push(sentence);
    keptAt.add(`${sentence.textId}\n${date}`);
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

import { WEEKDAYS } from "../text/calendar.js";
import {
  addDays,
  type DateMention,
  findDateMentions,
  type ResolvedDate,
  resolveMention,
  weekdayOf,
} from "./resolve-dates.js";

interface DatableArticle {
  id: string;
  published: string | null;
  date: ResolvedDate | null;
}

interface DatableSentence {
  articleId: string;
  text: string;
  /** Index of the sentence's text among the distinct texts `sameClaim` is over. */
  textId: number;
}

const TODAY_WEEKDAY = /\btoday,? (Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/i;

/**
 * Dates each undated article (in place, marked inferred): it was written no earlier than the
 * latest event it reports whose date a dated article gives (a shared claim), nor than the latest
 * full date it names itself; "today Monday" moves that to the weekday it names. An article that
 * shares nothing datable stays undated. `sameClaim` gives, for each distinct text, the texts that
 * make the same claim (see `sameClaimGraph`).
 */
export function inferArticleDates(
  articles: DatableArticle[],
  sentences: readonly DatableSentence[],
  sameClaim: readonly (readonly number[])[],
  mentionsOf: (s: DatableSentence) => readonly DateMention[] = (s) => findDateMentions(s.text),
): void {
  let reference: string | null = null;
  for (const a of articles)
    if (a.published && (!reference || a.published > reference)) reference = a.published;
  const byId = new Map(articles.map((a) => [a.id, a]));
  const byArticle = new Map<string, DatableSentence[]>();
  for (const s of sentences) {
    const list = byArticle.get(s.articleId) ?? [];
    list.push(s);
    byArticle.set(s.articleId, list);
  }
  // The latest date a dated article gives each distinct sentence text.
  const dated = new Map<number, string>();
  for (const s of sentences) {
    const article = byId.get(s.articleId);
    const mention = mentionsOf(s)[0];
    if (!article?.date || !mention) continue;
    const resolved = resolveMention(mention, article.date, reference);
    if (!resolved) continue;
    if (resolved.date.length !== 10) continue;
    const known = dated.get(s.textId);
    if (!known || resolved.date > known) dated.set(s.textId, resolved.date);
  }
  // The latest dated event a text shares a claim with: only the texts making its claim are read.
  const latestShared = (s: DatableSentence): string | null => {
    let date: string | null = null;
    for (const other of sameClaim[s.textId] ?? []) {
      const event = dated.get(other);
      if (event !== undefined && (date === null || event > date)) date = event;
    }
    return date;
  };
  for (const article of articles) {
    if (article.date) continue;
    const own = byArticle.get(article.id) ?? [];
    let bound: string | null = null;
    const raise = (date: string | null) => {
      if (date !== null && (!bound || date > bound)) bound = date;
    };
    for (const s of own) {
      for (const mention of mentionsOf(s)) {
        if (mention.kind !== "day") continue;
        raise(resolveMention(mention, null, reference)?.date ?? null);
      }
      raise(latestShared(s));
    }
    if (bound === null) continue;
    let date: string = bound;
    const today = own.map((s) => TODAY_WEEKDAY.exec(s.text)).find(Boolean);
    if (today?.[1]) {
      const weekday = WEEKDAYS.indexOf(today[1].toLowerCase() as (typeof WEEKDAYS)[number]);
      date = addDays(date, (weekday - weekdayOf(date) + 7) % 7);
    }
    article.date = { date, inferred: true };
  }
}

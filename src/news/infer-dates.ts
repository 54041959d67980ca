import { type ClaimText, claimSimilarity, SAME_CLAIM, stemWeights } from "./claims.js";
import {
  addDays,
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
  claim: ClaimText;
}

const TODAY_WEEKDAY = /\btoday,? (Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/i;
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/**
 * Dates each undated article (in place, marked inferred): it was written no earlier than the
 * latest event it reports whose date a dated article gives (a shared claim), nor than the latest
 * full date it names itself; "today Monday" moves that to the weekday it names. An article that
 * shares nothing datable stays undated.
 */
export function inferArticleDates(
  articles: DatableArticle[],
  sentences: readonly DatableSentence[],
): void {
  let reference: string | null = null;
  for (const a of articles)
    if (a.published && (!reference || a.published > reference)) reference = a.published;
  const weights = stemWeights(sentences.map((s) => s.claim));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const dated: { claim: ClaimText; date: string; articleId: string }[] = [];
  for (const s of sentences) {
    const article = byId.get(s.articleId);
    const mention = findDateMentions(s.text)[0];
    if (!article?.date || !mention) continue;
    const resolved = resolveMention(mention, article.date, reference);
    if (resolved && resolved.date.length === 10)
      dated.push({ claim: s.claim, date: resolved.date, articleId: s.articleId });
  }
  for (const article of articles) {
    if (article.date) continue;
    const own = sentences.filter((s) => s.articleId === article.id);
    let bound: string | null = null;
    const raise = (date: string) => {
      if (!bound || date > bound) bound = date;
    };
    for (const s of own) {
      for (const mention of findDateMentions(s.text)) {
        if (mention.kind !== "day") continue;
        const resolved = resolveMention(mention, null, reference);
        if (resolved) raise(resolved.date);
      }
      for (const event of dated) {
        if (claimSimilarity(s.claim, event.claim, weights) >= SAME_CLAIM) raise(event.date);
      }
    }
    if (bound === null) continue;
    let date: string = bound;
    const today = own.map((s) => TODAY_WEEKDAY.exec(s.text)).find(Boolean);
    if (today?.[1]) {
      const weekday = WEEKDAYS.indexOf(today[1].toLowerCase());
      date = addDays(date, (weekday - weekdayOf(date) + 7) % 7);
    }
    article.date = { date, inferred: true };
  }
}

import type { ArticleSource } from "../corpus/article-source.js";
import { markGaps } from "../passages/mark-gaps.js";
import { type LabelledSource, newsSourceOf } from "./article-labels.js";
import { type NewsData, type SentenceInfo, sameClaimIn } from "./news-data.js";
import { attributionLabel, speakerLabel } from "./speaker-label.js";

/** How many new statements or events a digest shows at most. */
export const DIGEST_HIGHLIGHTS = 3;

/** One new article, as a digest lists it. */
export interface DigestArticle extends LabelledSource, Pick<ArticleSource, "published"> {
  id: string;
}

/** A sentence a batch brings that no earlier article carries: a dated event or a statement. */
export interface DigestHighlight extends Pick<LabelledSource, "outlet" | "url"> {
  kind: "event" | "statement";
  text: string;
  /** The event's date (YYYY-MM-DD, YYYY-MM or YYYY), for an event. */
  date: string | null;
  /** Who said it ("Dmitry Peskov, Kremlin spokesman (via TASS)"), for a statement. */
  speaker: string | null;
  /** The new article it comes from. */
  articleId: string;
}

/** What a batch of new articles adds to the story. */
export interface Digest {
  articles: DigestArticle[];
  highlights: DigestHighlight[];
}

/** Sentences shorter than this say too little to stand alone in a digest. */
const MIN_HIGHLIGHT_CHARS = 40;

/** True when the sentence is news to the corpus: no article outside the batch carries its claim. */
function isNew(sentence: SentenceInfo, inBatch: ReadonlySet<string>): boolean {
  return sentence.reportedBy.every((id) => inBatch.has(id));
}

/**
 * What the articles `batch` (ids) add to the news `data` they are now part of: the articles
 * themselves, newest first, and up to `limit` sentences no earlier article carries (its claim
 * reported by none outside the batch): dated events, oldest date first, and quoted statements,
 * at least one statement when there is one, one per claim and at most one per article while
 * other articles have some. Pure:
 * the news data of the corpus after the batch landed in, the digest out.
 */
export function digestOf(
  data: NewsData,
  batch: ReadonlySet<string>,
  limit = DIGEST_HIGHLIGHTS,
): Digest {
  const articles = data.articles
    .filter((a) => batch.has(a.id))
    .map((a) => {
      const { title, outlet, url } = newsSourceOf(a);
      return { id: a.id, title, outlet, url, published: a.published };
    })
    .sort((a, b) => (b.published ?? "").localeCompare(a.published ?? ""));
  const candidates = data.sentences.filter(
    (s) =>
      batch.has(s.articleId) &&
      s.text.length >= MIN_HIGHLIGHT_CHARS &&
      (s.date !== null || s.attribution.speaker !== null) &&
      isNew(s, batch),
  );
  const events = candidates
    .filter((s) => s.date !== null && !s.date.inferred)
    .sort((a, b) => (a.date?.date ?? "").localeCompare(b.date?.date ?? ""));
  const statements = candidates.filter(
    (s) => s.attribution.speaker !== null && !events.includes(s),
  );
  const picked: SentenceInfo[] = [];
  const perArticle = new Map<string, number>();
  const take = (from: readonly SentenceInfo[], perArticleCap: number, most: number) => {
    let taken = 0;
    for (const sentence of from) {
      if (picked.length >= limit || taken >= most) return;
      if (picked.includes(sentence)) continue;
      if ((perArticle.get(sentence.articleId) ?? 0) >= perArticleCap) continue;
      // The same claim from two articles of the batch is one highlight.
      if (picked.some((p) => p.text === sentence.text || sameClaimIn(data, p, sentence))) continue;
      picked.push(sentence);
      taken += 1;
      perArticle.set(sentence.articleId, (perArticle.get(sentence.articleId) ?? 0) + 1);
    }
  };
  const all = [...events, ...statements];
  // At most one per article first, so one long article does not fill the digest; then a
  // statement if none came yet, so dated events do not crowd out what people said; then the rest.
  take(all, 1, limit);
  if (!picked.some((p) => statements.includes(p))) take(statements, Number.POSITIVE_INFINITY, 1);
  take(all, Number.POSITIVE_INFINITY, limit);
  const order = new Map([...events, ...statements].map((s, i) => [s, i]));
  picked.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { articles, highlights: picked.flatMap((s) => highlightOf(data, s)) };
}

function highlightOf(data: NewsData, sentence: SentenceInfo): DigestHighlight[] {
  const article = data.articleById.get(sentence.articleId);
  if (article === undefined) return [];
  const { outlet, url } = newsSourceOf(article);
  const event = sentence.date !== null && !sentence.date.inferred;
  return [
    {
      kind: event ? "event" : "statement",
      text: markGaps(sentence.text),
      date: event ? (sentence.date?.date ?? null) : null,
      speaker: attributionLabel(
        speakerLabel(sentence.attribution.speaker, data.people),
        sentence.attribution.via,
      ),
      articleId: sentence.articleId,
      outlet,
      url,
    },
  ];
}

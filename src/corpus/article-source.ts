/**
 * Where an article comes from, as its front matter gives it: `null` where it does not say. The one
 * type for an article's source: an article and each of its passages carry it, and the views that
 * label it or add to it (news/article-labels.ts, news/news-fields.ts, news/sources.ts) extend it
 * rather than declare its fields again.
 */
export interface ArticleSource {
  title: string | null;
  outlet: string | null;
  url: string | null;
  /** ISO date, YYYY-MM-DD. */
  published: string | null;
}

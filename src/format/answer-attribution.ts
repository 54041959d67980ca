import type { CitedArticle, NewsFields } from "../news/news-fields.js";
import { formatDate } from "./source-label.js";

// What an answer says under each quote, as plain strings each renderer (Slack, terminal) styles:
// who speaks, which article it is from, and how many articles report the same claim.

/** Said under a quote whose claim no other article carries. */
export const THIS_ARTICLE_ONLY = "Reported by this article only";
/** Marks a date that rests on an inference, not on the article's own date. */
export const INFERRED_DATE_MARK = "(inferred)";

/** "Reported by 3 articles": the article quoted counts as one of them. */
export function reportedByHeading(articles: number): string {
  return `Reported by ${articles} articles`;
}

/**
 * How a list of reporting articles names one: its outlet where the article names one, else its
 * title in quotation marks (titles hold commas), never a stand-in such as "Unknown outlet" that
 * tells a reader nothing.
 */
export function reportingName(article: CitedArticle): string {
  return withReprinting(article, article.namedOutlet ?? quoteOnce(article.title));
}

/** "Outlet B (reprinting Outlet A)" for a reprint, the name alone for an original. */
export function withReprinting(article: CitedArticle, name: string): string {
  return article.reprinting === undefined ? name : `${name} (reprinting ${article.reprinting})`;
}

/** Put after "Reported by …": the reprints, listed apart since they are not reports of their own. */
export const REPRINTS_HEADING = "reprints";

/** The reprints carrying a quote's claim, the quoted article left out (it is named already). */
export function reprintingArticles(fields: NewsFields): CitedArticle[] {
  const quoted = fields.source.url ?? `${fields.source.outlet}\u0000${fields.source.title}`;
  return (fields.reprintedBy ?? []).filter(
    (a) => (a.url ?? `${a.outlet}\u0000${a.title}`) !== quoted,
  );
}

/** The articles that report a quote's claim, the quoted one first; one means "this one only". */
export function reportingArticles(fields: NewsFields): CitedArticle[] {
  const seen = new Set<string>();
  return [fields.source, ...fields.reportedBy].filter((a) => {
    const key = a.url ?? `${a.outlet}\u0000${a.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `9 Dec 2024`, `9 Dec 2024 (inferred)`, or "date not given". */
export function citedDate(article: CitedArticle): string {
  const date = formatDate(article.published);
  return article.published !== null && article.inferred ? `${date} ${INFERRED_DATE_MARK}` : date;
}

const QUOTATION_MARK = /["“”„«»]/;

/**
 * A sentence in quotation marks, once: a sentence that holds quotation marks of its own (“…,” he
 * said) is left as it is, since wrapping it would double them (notification texts, terminal).
 */
export function quoteOnce(sentence: string): string {
  const text = sentence.trim();
  return QUOTATION_MARK.test(text) ? text : `“${text}”`;
}

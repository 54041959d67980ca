import type { ArticleSource } from "../corpus/article-source.js";
import type { ArticleInfo } from "./news-data.js";

/** What an article without an outlet says instead: who it cites. */
export const UNATTRIBUTED = "unattributed";
/** Words of an untitled article's opening that stand in for its title. */
const OPENING_WORDS = 10;

function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The outlet, or what the text gives: "unattributed, citing TASS and AFP". */
export function outletOf(article: ArticleInfo): string {
  if (article.outlet) return article.outlet;
  return article.agencies.length > 0
    ? `${UNATTRIBUTED}, citing ${listOf(article.agencies)}`
    : UNATTRIBUTED;
}

/** The title, or the article's first words where it has none. */
export function titleOf(article: ArticleInfo): string {
  if (article.title) return article.title;
  const words = article.opening.split(/\s+/);
  return words.length > OPENING_WORDS
    ? `${words.slice(0, OPENING_WORDS).join(" ")}…`
    : article.opening;
}

/**
 * An article's source as every reply names it: the outlet or whom the article cites in its place,
 * the title or its first words (`outletOf`, `titleOf`). Its date is left to the views that show one.
 */
export interface LabelledSource extends Omit<ArticleSource, "title" | "outlet" | "published"> {
  title: string;
  outlet: string;
}

/** A labelled source with its date: given, or inferred from the events it shares with dated articles. */
export interface DatedSource extends LabelledSource, Pick<ArticleSource, "published"> {
  /** True when `published` was inferred rather than given. */
  inferred: boolean;
}

/**
 * One label per article, made on first use: a `who` or a question's "also reported by" lists the
 * same articles by the thousand at 100k passages, and an article's labels never change once read.
 * Shared: callers copy what they change.
 */
const sources = new WeakMap<ArticleInfo, LabelledSource>();

export function newsSourceOf(article: ArticleInfo): LabelledSource {
  let source = sources.get(article);
  if (!source) {
    source = { title: titleOf(article), outlet: outletOf(article), url: article.url };
    sources.set(article, source);
  }
  return source;
}

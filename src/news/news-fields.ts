import type { Passage } from "../passages/passage.js";
import { type DatedSource, newsSourceOf, UNATTRIBUTED } from "./article-labels.js";
import type { ArticleInfo, NewsData, SentenceInfo } from "./news-data.js";
import { speakerLabel } from "./speaker-label.js";

/**
 * An article as an answer cites it: the labels every news view shows (outlet or "unattributed,
 * citing …", title or first words) and its date, given or inferred, with the outlet as the article
 * names it (null when it names none, so lists of outlets can leave it out).
 */
export interface CitedArticle extends DatedSource {
  namedOutlet: string | null;
  /**
   * For a reprint (front matter `copy_of`): how its original is named (outlet, else title), so a
   * reply says "Outlet B (reprinting Outlet A)". Absent for an original.
   */
  reprinting?: string;
}

/** What a question's result adds from the news data: who speaks, through whom, who else says it. */
export interface NewsFields {
  /** "Dmitry Peskov, Kremlin spokesman", or null when nobody is quoted. */
  speaker: string | null;
  via: string[];
  /** The passage's own article. */
  source: CitedArticle;
  /**
   * Other independent reports of the same claim: one per original (several copies of one count
   * once), never the quoted article's own original or its copies. Empty when no other does.
   */
  reportedBy: CitedArticle[];
  /** Reprints that carry the claim, each with `reprinting`: listed apart, never counted as reports. */
  reprintedBy?: CitedArticle[];
}

/** An article as answers cite it (see `CitedArticle`). */
export function citedArticleOf(article: ArticleInfo): CitedArticle {
  return {
    ...newsSourceOf(article),
    namedOutlet: article.outlet,
    published: article.date?.date ?? article.published,
    inferred: article.date?.inferred ?? false,
  };
}

/**
 * A passage's article as answers cite it, from the passage alone: for callers without the news
 * data, and for a passage the data does not hold. Nothing is inferred.
 */
export function citedPassage(passage: Passage): CitedArticle {
  return {
    title: passage.title ?? passage.text.split(/\s+/).slice(0, 10).join(" "),
    outlet: passage.outlet ?? UNATTRIBUTED,
    url: passage.url,
    namedOutlet: passage.outlet,
    published: passage.published,
    inferred: false,
  };
}

/**
 * The news fields of a passage, read at `sentence` (the answer sentence) when given: its speaker
 * if it has one, else the passage's first named person, else its first speaker of any kind.
 */
export function newsFieldsOf(data: NewsData, passage: Passage, sentence?: number): NewsFields {
  const infos = data.sentencesByPassage.get(passage.id) ?? [];
  const chosen = sentence === undefined ? undefined : infos[sentence];
  const attributed = (s: SentenceInfo | undefined) => (s?.attribution.speaker ? s : undefined);
  const pick =
    attributed(chosen) ??
    infos.find((s) => s.attribution.speaker?.kind === "person") ??
    infos.find((s) => s.attribution.speaker !== null) ??
    chosen ??
    infos[0];
  const reporting = chosen ? chosen.reportedBy : [...new Set(infos.flatMap((s) => s.reportedBy))];
  const own = data.articleById.get(passage.articleId);
  const split = splitReports(data, passage.articleId, reporting);
  const reprintedBy = split.reprints.map((a) => citedCopyOf(data, a));
  return {
    speaker: speakerLabel(pick?.attribution.speaker ?? null, data.people),
    via: pick?.attribution.via ?? [],
    source: own ? citedCopyOf(data, own) : citedPassage(passage),
    reportedBy: split.reports.map((a) => citedCopyOf(data, a)),
    ...(reprintedBy.length > 0 ? { reprintedBy } : {}),
  };
}

/**
 * The other articles carrying a claim of `articleId`, split: `reports` holds one article per
 * original (the original where the corpus holds it; several copies of one count once), never
 * `articleId`'s own original; `reprints` the copies, which are not reports of their own.
 */
export function splitReports(
  data: NewsData,
  articleId: string,
  reporting: readonly string[],
): { reports: ArticleInfo[]; reprints: ArticleInfo[] } {
  const own = data.articleById.get(articleId);
  const originals = new Set<string>([own ? originalOf(data, own) : articleId]);
  const reports: ArticleInfo[] = [];
  const reprints: ArticleInfo[] = [];
  for (const id of reporting) {
    const article = data.articleById.get(id);
    if (!article) continue;
    if (article.copyOf !== null && data.articleById.has(article.copyOf)) reprints.push(article);
    const original = originalOf(data, article);
    if (originals.has(original)) continue;
    originals.add(original);
    reports.push(data.articleById.get(original) ?? article);
  }
  return { reports, reprints };
}

/** The id of the original an article reprints, or its own id when it is one. */
function originalOf(data: NewsData, article: ArticleInfo): string {
  return article.copyOf !== null && data.articleById.has(article.copyOf)
    ? article.copyOf
    : article.id;
}

/**
 * Each article as answers cite it, made on first use and shared: an answer's items list the same
 * reporting articles by the thousand at 100k passages. Read at question time only, once the
 * data's dates are settled.
 */
const citedCopies = new WeakMap<ArticleInfo, CitedArticle>();

/** An article as answers cite it, saying whose story it reprints when it is a copy. */
function citedCopyOf(data: NewsData, article: ArticleInfo): CitedArticle {
  let cited = citedCopies.get(article);
  if (!cited) {
    cited = citedArticleOf(article);
    const original = article.copyOf === null ? undefined : data.articleById.get(article.copyOf);
    if (original) cited = { ...cited, reprinting: original.outlet ?? newsSourceOf(original).title };
    citedCopies.set(article, cited);
  }
  return cited;
}

import type { Passage } from "../passages/passage.js";
import { type NewsSource, newsSourceOf, UNATTRIBUTED } from "./article-labels.js";
import type { ArticleInfo, NewsData, SentenceInfo } from "./news-data.js";
import { speakerLabel } from "./speaker-label.js";

/**
 * An article as an answer cites it: the labels every news view shows (outlet or "unattributed,
 * citing …", title or first words), the outlet as the article names it (null when it names none,
 * so lists of outlets can leave it out), and its date, given or inferred.
 */
export interface CitedArticle extends NewsSource {
  namedOutlet: string | null;
  published: string | null;
  inferred: boolean;
}

/** What a question's result adds from the news data: who speaks, through whom, who else says it. */
export interface NewsFields {
  /** "Dmitry Peskov, Kremlin spokesman", or null when nobody is quoted. */
  speaker: string | null;
  via: string[];
  /** The passage's own article. */
  source: CitedArticle;
  /** Other articles that carry the same claim; empty when only this article does. */
  reportedBy: CitedArticle[];
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
  const reportedBy = reporting.flatMap((id) => {
    const article = data.articleById.get(id);
    return article ? [citedArticleOf(article)] : [];
  });
  const own = data.articleById.get(passage.articleId);
  return {
    speaker: speakerLabel(pick?.attribution.speaker ?? null, data.people),
    via: pick?.attribution.via ?? [],
    source: own ? citedArticleOf(own) : citedPassage(passage),
    reportedBy,
  };
}

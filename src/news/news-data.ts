import type { Passage } from "../passages/passage.js";
import { type Agency, mineAgencies } from "./agencies.js";
import {
  type Attribution,
  attributeSentence,
  endsWithSignature,
  findProperNouns,
  type Speaker,
} from "./attribution.js";
import { type ClaimText, claimSimilarity, claimText, SAME_CLAIM, stemWeights } from "./claims.js";
import { inferArticleDates } from "./infer-dates.js";
import { minePeople, type Person } from "./people.js";
import { findDateMentions, type ResolvedDate, resolveMention } from "./resolve-dates.js";

/** One article as the news views show it. */
export interface ArticleInfo {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  /** The published date, or one inferred from the events it shares with dated articles. */
  date: ResolvedDate | null;
  passages: number;
  /** The article's opening words, for an article without a title. */
  opening: string;
  /** Named agencies it cites, in order of first mention. */
  agencies: string[];
  /** Keys of the people it quotes, in order of first quote. */
  people: string[];
}

/** One sentence with who said it, when it happened and who else reports it. */
export interface SentenceInfo {
  articleId: string;
  passageId: string;
  /** Index of the sentence in its passage. */
  index: number;
  text: string;
  attribution: Attribution;
  /** The date of the first date expression, resolved, or null. */
  date: ResolvedDate | null;
  claim: ClaimText;
  /** Other articles that carry the same claim, in corpus order. */
  reportedBy: string[];
}

/** Everything the news views read, built once per index. */
export interface NewsData {
  articles: ArticleInfo[];
  sentences: SentenceInfo[];
  people: Person[];
  agencies: Agency[];
  articleById: ReadonlyMap<string, ArticleInfo>;
  sentencesByPassage: ReadonlyMap<string, SentenceInfo[]>;
  /** Stem weights for claim matching (see `claimSimilarity`). */
  claimWeights: ReadonlyMap<string, number>;
}

/** True when two sentences of the data make the same claim. */
export function sameClaimIn(data: NewsData, a: SentenceInfo, b: SentenceInfo): boolean {
  return claimSimilarity(a.claim, b.claim, data.claimWeights) >= SAME_CLAIM;
}

/** Posting lists longer than this are topic words: they find no useful claim pairs. */
const MAX_POSTINGS = 300;
/** Sentences compared in full with each sentence: those sharing the most rare words. */
const MAX_CANDIDATES = 100;

function groupByArticle(passages: readonly Passage[]): Passage[][] {
  const groups = new Map<string, Passage[]>();
  for (const passage of passages) {
    const group = groups.get(passage.articleId) ?? [];
    group.push(passage);
    groups.set(passage.articleId, group);
  }
  return [...groups.values()].map((g) => [...g].sort((a, b) => a.position - b.position));
}

function reportedByOf(sentences: SentenceInfo[], weights: ReadonlyMap<string, number>): void {
  // Wire copy repeats sentences word for word: each distinct text is compared once.
  const distinct = new Map<string, { claim: ClaimText; articles: Set<string> }>();
  for (const s of sentences) {
    const entry = distinct.get(s.text) ?? { claim: s.claim, articles: new Set<string>() };
    entry.articles.add(s.articleId);
    distinct.set(s.text, entry);
  }
  const texts = [...distinct.values()];
  const postings = new Map<string, number[]>();
  texts.forEach((t, i) => {
    for (const stem of t.claim.stems) {
      const list = postings.get(stem) ?? [];
      list.push(i);
      postings.set(stem, list);
    }
  });
  const articleOrder = new Map<string, number>();
  for (const s of sentences)
    if (!articleOrder.has(s.articleId)) articleOrder.set(s.articleId, articleOrder.size);
  const reporting = texts.map((text, i) => {
    // Candidates share a rare word; the most such words first, and only so many of them.
    const shared = new Map<number, number>();
    for (const stem of text.claim.stems) {
      const list = postings.get(stem) ?? [];
      if (list.length > MAX_POSTINGS) continue;
      for (const j of list) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    const candidates = [...shared.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_CANDIDATES);
    const articles = new Set(text.articles);
    for (const [j] of candidates) {
      const other = texts[j] as (typeof texts)[number];
      if ([...other.articles].every((a) => articles.has(a))) continue;
      if (claimSimilarity(text.claim, other.claim, weights) >= SAME_CLAIM) {
        for (const a of other.articles) articles.add(a);
      }
    }
    return [...articles].sort((a, b) => (articleOrder.get(a) ?? 0) - (articleOrder.get(b) ?? 0));
  });
  const indexOf = new Map([...distinct.keys()].map((text, i) => [text, i]));
  for (const sentence of sentences) {
    const articles = reporting[indexOf.get(sentence.text) ?? -1] ?? [];
    sentence.reportedBy = articles.filter((a) => a !== sentence.articleId);
  }
}

/**
 * Reads the corpus as news: who says each sentence and through whom, which other articles carry
 * the same claim, and when each dated event happened, with undated articles dated by the events
 * they share with dated ones. Pure: passages in, data out.
 */
export function buildNewsData(passages: readonly Passage[]): NewsData {
  const byArticle = groupByArticle(passages);
  const articleSentences = byArticle.map((group) => ({
    articleId: (group[0] as Passage).articleId,
    sentences: group.flatMap((p) => p.sentences),
  }));
  const agencies = mineAgencies(articleSentences.flatMap((a) => a.sentences));
  const people = minePeople(
    articleSentences,
    agencies.flatMap((a) => a.aliases),
  );
  const names = {
    people,
    agencies,
    properNouns: findProperNouns(articleSentences.flatMap((a) => a.sentences)),
  };
  const sentences: SentenceInfo[] = [];
  const sentencesByPassage = new Map<string, SentenceInfo[]>();
  for (const group of byArticle) {
    let previous: Speaker | null = null;
    for (const passage of group) {
      const infos: SentenceInfo[] = passage.sentences.map((text, index) => {
        const attribution = attributeSentence(text, passage.articleId, names, previous);
        if (attribution.speaker && attribution.speaker.kind !== "group")
          previous = attribution.speaker;
        return {
          articleId: passage.articleId,
          passageId: passage.id,
          index,
          text,
          attribution,
          date: null,
          claim: claimText(text),
          reportedBy: [],
        };
      });
      // A post quoted whole ends in its signature: the sentences before it are the post.
      const signed = infos.findIndex((s) => endsWithSignature(s.text));
      for (let i = 0; i < signed; i++) {
        const info = infos[i] as SentenceInfo;
        if (!info.attribution.speaker)
          info.attribution = (infos[signed] as SentenceInfo).attribution;
      }
      sentencesByPassage.set(passage.id, infos);
      sentences.push(...infos);
    }
  }
  const claimWeights = stemWeights(sentences.map((s) => s.claim));
  reportedByOf(sentences, claimWeights);
  const sentencesOf = new Map<string, SentenceInfo[]>();
  for (const s of sentences) {
    const list = sentencesOf.get(s.articleId) ?? [];
    list.push(s);
    sentencesOf.set(s.articleId, list);
  }
  const named = new Set(agencies.map((a) => a.name));
  const articles: ArticleInfo[] = byArticle.map((group) => {
    const first = group[0] as Passage;
    const own = sentencesOf.get(first.articleId) ?? [];
    const cited = own.flatMap((s) => s.attribution.via).filter((v) => named.has(v));
    const quoted = own.flatMap((s) =>
      s.attribution.speaker?.kind === "person" ? [s.attribution.speaker.key] : [],
    );
    return {
      id: first.articleId,
      title: first.title,
      outlet: first.outlet,
      url: first.url,
      published: first.published,
      date: first.published ? { date: first.published, inferred: false } : null,
      passages: group.length,
      opening: first.sentences[0] ?? first.text,
      agencies: [...new Set(cited)],
      people: [...new Set(quoted)],
    };
  });
  inferArticleDates(articles, sentences);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const reference = latestPublished(articles);
  for (const sentence of sentences) {
    const mention = findDateMentions(sentence.text)[0];
    const article = articleById.get(sentence.articleId)?.date ?? null;
    sentence.date = mention ? resolveMention(mention, article, reference) : null;
  }
  return { articles, sentences, people, agencies, articleById, sentencesByPassage, claimWeights };
}

/** The latest date an article of the corpus gives: the year for undated mentions. */
export function latestPublished(articles: readonly { published: string | null }[]): string | null {
  let latest: string | null = null;
  for (const { published } of articles)
    if (published && (!latest || published > latest)) latest = published;
  return latest;
}

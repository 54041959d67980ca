import type { ArticleSource } from "../corpus/article-source.js";
import type { Passage } from "../passages/passage.js";
import { type Agency, mineAgencies } from "./agencies.js";
import {
  type Attribution,
  attributeSentence,
  endsWithSignature,
  findProperNouns,
  type Speaker,
} from "./attribution.js";
import { sameClaimGraph } from "./claim-graph.js";
import { type ClaimText, claimText, stemWeights } from "./claims.js";
import { inferArticleDates } from "./infer-dates.js";
import { minePeople, type Person } from "./people.js";
import {
  type DateMention,
  findDateMentions,
  type ResolvedDate,
  resolveMention,
} from "./resolve-dates.js";

/** One article as the news views show it. */
export interface ArticleInfo extends ArticleSource {
  id: string;
  /**
   * The id of the original this article reprints (a wire story under another outlet's URL), or
   * null for an original: corroboration counts a reprint as its outlet reprinting, not reporting.
   */
  copyOf: string | null;
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
  /** Index of the sentence's text among the corpus's distinct sentence texts (see `sameClaim`). */
  textId: number;
  attribution: Attribution;
  /** The date of the first date expression, resolved, or null. */
  date: ResolvedDate | null;
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
  /**
   * For each distinct sentence text (by `textId`), the texts making the same claim, ascending,
   * itself included when it makes a claim at all (see `sameClaimGraph`).
   */
  sameClaim: readonly (readonly number[])[];
  /** The dated sentences in timeline order: by date, a given date first, then corpus order. */
  timeline: readonly SentenceInfo[];
  /** The content stems of each dated sentence's text, by `textId`: what timeline words match. */
  datedStems: ReadonlyMap<number, ReadonlySet<string>>;
  /** The sentences attributed to each person, by key, in corpus order. */
  saidBy: ReadonlyMap<string, readonly SentenceInfo[]>;
  peopleByKey: ReadonlyMap<string, Person>;
}

/** True when two sentences of the data make the same claim. */
export function sameClaimIn(data: NewsData, a: SentenceInfo, b: SentenceInfo): boolean {
  return (data.sameClaim[a.textId] ?? []).includes(b.textId);
}

function groupByArticle(passages: readonly Passage[]): Passage[][] {
  const groups = new Map<string, Passage[]>();
  for (const passage of passages) {
    const group = groups.get(passage.articleId) ?? [];
    group.push(passage);
    groups.set(passage.articleId, group);
  }
  return [...groups.values()].map((g) => [...g].sort((a, b) => a.position - b.position));
}

/** Each sentence's other articles carrying its claim: its own text's and those of the same claim. */
function reportedByOf(sentences: SentenceInfo[], sameClaim: readonly (readonly number[])[]): void {
  const articlesOfText: Set<string>[] = sameClaim.map(() => new Set<string>());
  for (const s of sentences) (articlesOfText[s.textId] as Set<string>).add(s.articleId);
  const articleOrder = new Map<string, number>();
  for (const s of sentences)
    if (!articleOrder.has(s.articleId)) articleOrder.set(s.articleId, articleOrder.size);
  const reporting = articlesOfText.map((own, i) => {
    const articles = new Set(own);
    for (const j of sameClaim[i] ?? []) for (const a of articlesOfText[j] ?? []) articles.add(a);
    return [...articles].sort((a, b) => (articleOrder.get(a) ?? 0) - (articleOrder.get(b) ?? 0));
  });
  for (const sentence of sentences) {
    const articles = reporting[sentence.textId] ?? [];
    sentence.reportedBy = articles.filter((a) => a !== sentence.articleId);
  }
}

/** Earlier dates first; a month or year before the days inside it. */
function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The dated sentences in timeline order (see `NewsData.timeline`). */
export function timelineOrder(sentences: readonly SentenceInfo[]): SentenceInfo[] {
  const dated = sentences.filter((s) => s.date !== null);
  const order = new Map(dated.map((s, i) => [s, i]));
  return dated.sort(
    (a, b) =>
      compareDates(a.date?.date ?? "", b.date?.date ?? "") ||
      Number(a.date?.inferred) - Number(b.date?.inferred) ||
      (order.get(a) ?? 0) - (order.get(b) ?? 0),
  );
}

/** The lookups the views read, derived from the data's lists (when built, and when read back). */
export function withLookups(
  data: Omit<
    NewsData,
    "articleById" | "sentencesByPassage" | "saidBy" | "peopleByKey" | "timeline"
  >,
): NewsData {
  const sentencesByPassage = new Map<string, SentenceInfo[]>();
  const saidBy = new Map<string, SentenceInfo[]>();
  for (const s of data.sentences) {
    const list = sentencesByPassage.get(s.passageId);
    if (list) list.push(s);
    else sentencesByPassage.set(s.passageId, [s]);
    const speaker = s.attribution.speaker;
    if (speaker?.kind !== "person") continue;
    const said = saidBy.get(speaker.key);
    if (said) said.push(s);
    else saidBy.set(speaker.key, [s]);
  }
  return {
    ...data,
    articleById: new Map(data.articles.map((a) => [a.id, a])),
    sentencesByPassage,
    saidBy,
    peopleByKey: new Map(data.people.map((p) => [p.key, p])),
    timeline: timelineOrder(data.sentences),
  };
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
  // Wire copy repeats sentences word for word: each distinct text is read for its claim once.
  const textIds = new Map<string, number>();
  const claims: ClaimText[] = [];
  const claimsOfSentences: ClaimText[] = [];
  for (const group of byArticle) {
    let previous: Speaker | null = null;
    for (const passage of group) {
      const infos: SentenceInfo[] = passage.sentences.map((text, index) => {
        const attribution = attributeSentence(text, passage.articleId, names, previous);
        if (attribution.speaker && attribution.speaker.kind !== "group")
          previous = attribution.speaker;
        let textId = textIds.get(text);
        if (textId === undefined) {
          textId = claims.length;
          textIds.set(text, textId);
          claims.push(claimText(text));
        }
        claimsOfSentences.push(claims[textId] as ClaimText);
        return {
          articleId: passage.articleId,
          passageId: passage.id,
          index,
          text,
          textId,
          attribution,
          date: null,
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
      sentences.push(...infos);
    }
  }
  const sameClaim = sameClaimGraph(claims, stemWeights(claimsOfSentences));
  reportedByOf(sentences, sameClaim);
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
      copyOf: first.copyOf ?? null,
      date: first.published ? { date: first.published, inferred: false } : null,
      passages: group.length,
      opening: first.sentences[0] ?? first.text,
      agencies: [...new Set(cited)],
      people: [...new Set(quoted)],
    };
  });
  // Each distinct text's date expressions, found once: date inference and dating both read them.
  const mentions: (readonly DateMention[] | undefined)[] = [];
  const mentionsOf = (s: { textId: number; text: string }): readonly DateMention[] => {
    let found = mentions[s.textId];
    if (found === undefined) {
      found = findDateMentions(s.text);
      mentions[s.textId] = found;
    }
    return found;
  };
  inferArticleDates(articles, sentences, sameClaim, mentionsOf);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const reference = latestPublished(articles);
  const datedStems = new Map<number, ReadonlySet<string>>();
  for (const sentence of sentences) {
    const mention = mentionsOf(sentence)[0];
    const article = articleById.get(sentence.articleId)?.date ?? null;
    sentence.date = mention ? resolveMention(mention, article, reference) : null;
    if (sentence.date)
      datedStems.set(sentence.textId, (claims[sentence.textId] as ClaimText).stems);
  }
  return withLookups({ articles, sentences, people, agencies, sameClaim, datedStems });
}

/** The latest date an article of the corpus gives: the year for undated mentions. */
export function latestPublished(articles: readonly { published: string | null }[]): string | null {
  let latest: string | null = null;
  for (const { published } of articles)
    if (published && (!latest || published > latest)) latest = published;
  return latest;
}

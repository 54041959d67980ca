import { markGaps } from "../passages/mark-gaps.js";
import { foldWord } from "../search/text-processing.js";
import { type NewsSource, newsSourceOf } from "./article-labels.js";
import type { NewsData, SentenceInfo } from "./news-data.js";
import { splitReports } from "./news-fields.js";
import type { Person } from "./people.js";

/** One distinct thing a person said, with who else reports it. */
export interface WhoQuote {
  text: string;
  via: string[];
  /** The other articles that carry the same statement. */
  reportedBy: NewsSource[];
  title: string;
  outlet: string;
  url: string | null;
}

/** A person's statements as the articles give them. */
export interface WhoReport {
  /** The person's name as the articles give it, or the name asked for when nobody matches. */
  name: string;
  role: string | null;
  quotes: WhoQuote[];
  found: boolean;
}

/** Each person's names folded, once per list of people: a `who` then folds only what was typed. */
const foldedNames = new WeakMap<readonly Person[], Map<Person, string[]>>();

function foldedOf(people: readonly Person[]): Map<Person, string[]> {
  let folded = foldedNames.get(people);
  if (!folded) {
    folded = new Map(people.map((p) => [p, p.variants.map(foldWord)]));
    foldedNames.set(people, folded);
  }
  return folded;
}

/** The person a typed name means: any of their names, case and accents aside, or a prefix of one. */
export function findPerson(people: readonly Person[], typed: string): Person | null {
  const wanted = foldWord(typed.trim()).replace(/^(?:mr|ms|mrs|dr)\.?\s+/, "");
  if (wanted === "") return null;
  const names = foldedOf(people);
  const folded = (p: Person) => names.get(p) ?? [];
  return (
    people.find((p) => folded(p).includes(wanted)) ??
    people.find((p) => folded(p).some((v) => v.split(/[\s-]+/).includes(wanted))) ??
    people.find((p) => folded(p).some((v) => v.startsWith(wanted))) ??
    null
  );
}

/**
 * The sentence that best shows a statement: one that names the speaker itself, from an article
 * that names its outlet and links to it; the first such in corpus order.
 */
function bestWitness(
  data: NewsData,
  person: Person,
  cluster: readonly SentenceInfo[],
): SentenceInfo {
  const score = (s: SentenceInfo) => {
    const article = data.articleById.get(s.articleId);
    const named = person.variants.some((v) => s.text.includes(v)) ? 4 : 0;
    return named + (article?.outlet ? 2 : 0) + (article?.url ? 1 : 0);
  };
  return cluster.reduce((best, s) => (score(s) > score(best) ? s : best));
}

/**
 * What a person said: each statement attributed to them, once per claim (the same statement in
 * several articles is one quote, with the others as `reportedBy`), in corpus order.
 */
export function whoSaid(data: NewsData, typed: string): WhoReport {
  const person = findPerson(data.people, typed);
  if (!person) return { name: typed.trim(), role: null, quotes: [], found: false };
  const said = data.saidBy.get(person.key) ?? [];
  // A statement joins the first cluster holding one of the same claim: the lowest-numbered cluster
  // of any text making its claim, kept per text, so each statement reads only its claim neighbours.
  const clusters: SentenceInfo[][] = [];
  const firstCluster = new Map<number, number>();
  for (const sentence of said) {
    let at = Number.POSITIVE_INFINITY;
    for (const textId of data.sameClaim[sentence.textId] ?? [])
      at = Math.min(at, firstCluster.get(textId) ?? Number.POSITIVE_INFINITY);
    if (at === Number.POSITIVE_INFINITY) {
      at = clusters.length;
      clusters.push([sentence]);
    } else (clusters[at] as SentenceInfo[]).push(sentence);
    firstCluster.set(sentence.textId, Math.min(at, firstCluster.get(sentence.textId) ?? at));
  }
  const shown = clusters.map((cluster) => bestWitness(data, person, cluster));
  const quotes = shown.flatMap((sentence) => {
    const article = data.articleById.get(sentence.articleId);
    if (!article) return [];
    // Reprints of the quoted story, or of another, are not reports of their own (news-fields.ts).
    const reportedBy = splitReports(data, sentence.articleId, sentence.reportedBy).reports.map(
      newsSourceOf,
    );
    return [
      {
        text: markGaps(sentence.text),
        via: sentence.attribution.via,
        reportedBy,
        ...newsSourceOf(article),
      },
    ];
  });
  return { name: person.name, role: person.role, quotes, found: true };
}

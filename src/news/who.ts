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

/** A title before a typed name, left out ("Mr Peskov"). */
const TITLE = /^(?:mr|ms|mrs|dr)\.?\s+/;
/** What separates the words of a name. */
const NAME_WORDS = /[\s-]+/;

/**
 * Each list of people's folded names, looked up once: the first person (in list order) with each
 * whole name, and with each word of a name. A `who` then reads two maps instead of every person's
 * every name (tens of thousands of people at 100k passages).
 */
interface FoldedNames {
  variants: Map<Person, string[]>;
  byName: Map<string, Person>;
  byWord: Map<string, Person>;
}

const foldedNames = new WeakMap<readonly Person[], FoldedNames>();

function foldedOf(people: readonly Person[]): FoldedNames {
  let folded = foldedNames.get(people);
  if (!folded) {
    folded = { variants: new Map(), byName: new Map(), byWord: new Map() };
    for (const person of people) {
      const variants = person.variants.map(foldWord);
      folded.variants.set(person, variants);
      for (const variant of variants) {
        if (!folded.byName.has(variant)) folded.byName.set(variant, person);
        for (const word of variant.split(NAME_WORDS))
          if (!folded.byWord.has(word)) folded.byWord.set(word, person);
      }
    }
    foldedNames.set(people, folded);
  }
  return folded;
}

/** Builds the lookups `findPerson` reads for these people now, so the first `who` does not. */
export function prepareWho(people: readonly Person[]): void {
  foldedOf(people);
}

/** The person a typed name means: any of their names, case and accents aside, or a prefix of one. */
export function findPerson(people: readonly Person[], typed: string): Person | null {
  const wanted = foldWord(typed.trim()).replace(TITLE, "");
  if (wanted === "") return null;
  const names = foldedOf(people);
  return (
    names.byName.get(wanted) ??
    names.byWord.get(wanted) ??
    people.find((p) => (names.variants.get(p) ?? []).some((v) => v.startsWith(wanted))) ??
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
  // Each sentence scored once; the first of the best score wins, as a strict comparison keeps it.
  let best = cluster[0] as SentenceInfo;
  let bestScore = score(best);
  for (let i = 1; i < cluster.length; i++) {
    const s = cluster[i] as SentenceInfo;
    const sScore = score(s);
    if (sScore > bestScore) {
      best = s;
      bestScore = sScore;
    }
  }
  return best;
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

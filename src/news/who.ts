import { markGaps } from "../passages/mark-gaps.js";
import { foldWord } from "../text/terms.js";
import { type LabelledSource, newsSourceOf } from "./article-labels.js";
import type { NewsData, SentenceInfo } from "./news-data.js";
import { splitReports } from "./news-fields.js";
import type { Person } from "./people.js";

/** One distinct thing a person said, with who else reports it. */
export interface WhoQuote extends LabelledSource {
  text: string;
  via: string[];
  /** The other articles that carry the same statement. */
  reportedBy: LabelledSource[];
}

/** A person's statements as the articles give them, and where else the articles name them. */
export interface WhoReport {
  /** The person's name as the articles give it, or the name asked for when nobody matches. */
  name: string;
  role: string | null;
  quotes: WhoQuote[];
  /**
   * Sentences that name the person without quoting them, once per claim as quotes are, in corpus
   * order: at most MENTIONS_SHOWN, so a name in every article does not make a reply of thousands.
   */
  mentions: WhoQuote[];
  /** How many distinct claims name the person without quoting them (mentions shows the first). */
  mentionTotal: number;
  found: boolean;
}

/** The most mentions a report carries: enough to say where a person comes up, short enough to read. */
export const MENTIONS_SHOWN = 5;

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
  // Named, with an outlet and a link.
  const BEST_SCORE = 7;
  // Each sentence scored once; the first of the best score wins, as a strict comparison keeps it,
  // so the first with the highest score there is ends the search.
  let best = cluster[0] as SentenceInfo;
  let bestScore = score(best);
  for (let i = 1; i < cluster.length && bestScore < BEST_SCORE; i++) {
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
 * Groups sentences by claim: a sentence joins the first cluster holding one of the same claim (the
 * lowest-numbered cluster of any text making its claim, kept per text, so each sentence reads only
 * its claim neighbours). Clusters come in the order of their first sentence. The first cluster of
 * each text is kept in an array over all texts, reused by every call and reset after it: a name in
 * thousands of sentences reads its neighbours' entries some million times, which a Map made slow.
 */
function clusterByClaim(data: NewsData, sentences: readonly SentenceInfo[]): SentenceInfo[][] {
  const clusters: SentenceInfo[][] = [];
  const { sameClaim } = data;
  const firstCluster = firstClusterScratch(sameClaim.length);
  const touched: number[] = [];
  for (const sentence of sentences) {
    let at = NO_CLUSTER;
    for (const textId of sameClaim[sentence.textId] ?? [])
      at = Math.min(at, firstCluster[textId] ?? NO_CLUSTER);
    if (at === NO_CLUSTER) {
      at = clusters.length;
      clusters.push([sentence]);
    } else (clusters[at] as SentenceInfo[]).push(sentence);
    const own = firstCluster[sentence.textId] ?? NO_CLUSTER;
    if (own === NO_CLUSTER) touched.push(sentence.textId);
    if (at < own) firstCluster[sentence.textId] = at;
  }
  for (const textId of touched) firstCluster[textId] = NO_CLUSTER;
  return clusters;
}

/** "No cluster yet": above any cluster number, so `Math.min` passes over it. */
const NO_CLUSTER = 0xffffffff;
let scratch = new Uint32Array(0);

/** The first-cluster array for `texts` texts, every entry NO_CLUSTER (each call resets its own). */
function firstClusterScratch(texts: number): Uint32Array {
  if (scratch.length < texts) scratch = new Uint32Array(texts).fill(NO_CLUSTER);
  return scratch;
}

/** Each cluster as one quote: its best sentence, with the other articles that carry the claim. */
function quotesOf(data: NewsData, person: Person, clusters: readonly SentenceInfo[][]): WhoQuote[] {
  return clusters.flatMap((cluster) => {
    const sentence = bestWitness(data, person, cluster);
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
}

const LETTER = /\p{L}/u;

/** True when `text` holds `name` as a whole name: no letter just before it or just after it. */
function namesIn(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + name.length);
    if (!(before !== "" && LETTER.test(before)) && !(after !== "" && LETTER.test(after)))
      return true;
  }
  return false;
}

/** Runs of letters: a name is found where one of them is the whole name. */
const LETTER_RUN = /\p{L}+/gu;
const CAPITAL = /^\p{Lu}/u;

/**
 * Each capitalised run of letters in the sentences, with the sentences that hold it, in order:
 * built once per news reading by `prepareMentions` (the bot, when it serves the data), so `who`
 * reads a name's sentences instead of every sentence (238,548 at 100k passages). One pass, linear
 * in the text, but a second at 100k: a single `who` (the CLI) scans for the name instead.
 */
const capitalisedWords = new WeakMap<NewsData, Map<string, number[]>>();

function buildCapitalisedWords(data: NewsData): Map<string, number[]> {
  let words = capitalisedWords.get(data);
  if (!words) {
    words = new Map();
    data.sentences.forEach((sentence, index) => {
      for (const [run] of sentence.text.matchAll(LETTER_RUN)) {
        if (!CAPITAL.test(run)) continue;
        const where = words?.get(run);
        if (!where) words?.set(run, [index]);
        else if (where[where.length - 1] !== index) where.push(index);
      }
    });
    capitalisedWords.set(data, words);
  }
  return words;
}

/** Builds `who`'s index of names to sentences, for a reading that serves many `who`s. */
export function prepareMentions(data: NewsData): void {
  buildCapitalisedWords(data);
}

/** A name that is one capitalised run of letters ("Peskov", not "al-Assad"). */
const ONE_RUN = /^\p{Lu}\p{L}*$/u;

/**
 * Sentences that may name one of `names`, and whether each of them surely does. Where a text holds
 * a name as a whole name, each run of letters of the name is a whole run of the text too
 * ("al-Assad" holds "Assad"), so a name's sentences are among those of any capitalised run of it:
 * the one in fewest sentences is read. When every name is one such run, each sentence of its list
 * holds it as a whole name: `sure`, and nothing is left to check (30,000 sentences for a name
 * mentioned everywhere at 100k passages). All sentences when a name has no capitalised run.
 */
function sentencesNaming(
  data: NewsData,
  names: readonly string[],
): { sentences: readonly SentenceInfo[]; sure: boolean } {
  const words = capitalisedWords.get(data);
  // Not built (the CLI's one `who`; the bot builds it when it serves the data): one pass over the
  // sentences finds those holding a name at all, a twentieth of the time building it takes.
  if (!words)
    return {
      sentences: data.sentences.filter((s) => names.some((name) => s.text.includes(name))),
      sure: false,
    };
  const lists: (readonly number[])[] = [];
  for (const name of names) {
    let fewest: readonly number[] | null = null;
    for (const [run] of name.matchAll(LETTER_RUN)) {
      if (!CAPITAL.test(run)) continue;
      const where = words.get(run) ?? [];
      if (fewest === null || where.length < fewest.length) fewest = where;
    }
    if (fewest === null) return { sentences: data.sentences, sure: false };
    lists.push(fewest);
  }
  const sure = names.every((name) => ONE_RUN.test(name));
  // Each list is ascending without repeats: one is read as it is, several are merged.
  const ids =
    lists.length === 1
      ? (lists[0] as readonly number[])
      : [...new Set(lists.flat())].sort((a, b) => a - b);
  const { sentences } = data;
  return { sentences: ids.map((id) => sentences[id] as SentenceInfo), sure };
}

/**
 * The sentences that name a person, by any of their one-word names (every full name ends in one),
 * without being their own statements, in corpus order.
 */
function mentionsOf(data: NewsData, person: Person): SentenceInfo[] {
  const names = person.variants.filter((v) => !v.includes(" "));
  const { sentences, sure } = sentencesNaming(data, names);
  return sentences.filter((s) => {
    const speaker = s.attribution.speaker;
    if (speaker?.kind === "person" && speaker.key === person.key) return false;
    return sure || names.some((name) => namesIn(s.text, name));
  });
}

/**
 * What a person said: each statement attributed to them, once per claim (the same statement in
 * several articles is one quote, with the others as `reportedBy`), in corpus order; and where the
 * articles name them without quoting them, the same way.
 */
export function whoSaid(data: NewsData, typed: string): WhoReport {
  const person = findPerson(data.people, typed);
  if (!person) {
    return {
      name: typed.trim(),
      role: null,
      quotes: [],
      mentions: [],
      mentionTotal: 0,
      found: false,
    };
  }
  return reportsOf(data).get(person) ?? reportOn(data, person);
}

/**
 * Each person's report, made by `prepareWhoReports` for a reading that serves many `who`s: a
 * person quoted thousands of times (6,800 statements, 936 claims at 100k passages) took 25–45 ms
 * to report, on every ask. Reports are never changed once made, so all askers share them.
 */
const preparedReports = new WeakMap<NewsData, Map<Person, WhoReport>>();

function reportsOf(data: NewsData): Map<Person, WhoReport> {
  let reports = preparedReports.get(data);
  if (!reports) {
    reports = new Map();
    preparedReports.set(data, reports);
  }
  return reports;
}

/**
 * Makes every person's report now (the bot, before it serves the reading; with its index of names
 * to sentences, `prepareMentions`), so no `who` waits for one. Linear in the data: each person
 * reads their own statements and the sentences naming them.
 */
export function prepareWhoReports(data: NewsData): void {
  const reports = reportsOf(data);
  for (const person of data.people)
    if (!reports.has(person)) reports.set(person, reportOn(data, person));
}

/** What a person said and where they are named (see `whoSaid`). */
function reportOn(data: NewsData, person: Person): WhoReport {
  const quotes = quotesOf(data, person, clusterByClaim(data, data.saidBy.get(person.key) ?? []));
  const mentioned = clusterByClaim(data, mentionsOf(data, person));
  return {
    name: person.name,
    role: person.role,
    quotes,
    mentions: quotesOf(data, person, mentioned.slice(0, MENTIONS_SHOWN)),
    mentionTotal: mentioned.length,
    found: true,
  };
}

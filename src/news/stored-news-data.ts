// The news reading as the index file stores it: built once with the index, read back at start.
// Sentence texts are not stored again (they are the passages' sentences); each passage's
// sentences are one line of short tuples, most of them only a text id. Who else reports a claim is
// stored once per text (a wire story's sentence is in hundreds of articles), not once per sentence:
// at 100k passages the per-sentence lists were 85 of the file's 176 MB, and as many arrays in memory.
import type { Passage } from "../passages/passage.js";
import { appendRun, toRuns } from "../search/stored-runs.js";
import type { Agency } from "./agencies.js";
import type { Attribution, Speaker } from "./attribution.js";
import { type ArticleInfo, type NewsData, type SentenceInfo, timelineOrder } from "./news-data.js";
import type { Person } from "./people.js";
import type { ResolvedDate } from "./resolve-dates.js";

/** The lists of the header, in the order their runs follow it. */
const LISTS = [
  "articles",
  "people",
  "agencies",
  "alone",
  "shared",
  "datedStems",
  "reporting",
] as const;
type ListName = (typeof LISTS)[number];

interface StoredLists {
  articles: ArticleInfo[];
  people: Person[];
  agencies: Agency[];
  /** The texts that make a claim of their own but share it with no other text: most of them. */
  alone: number[];
  /** The texts sharing their claim with others: [text, the texts of the same claim]. */
  shared: [number, number[]][];
  /** Content stems of each dated text: [text, stems joined by spaces]. */
  datedStems: [number, string][];
  /** The articles carrying each text's claim, as positions in `articles`: [text, ...articles]. */
  reporting: number[][];
}

interface StoredHeader {
  kind: "news";
  /** How many distinct texts there are. */
  texts: number;
  /** How many lines (runs) each list takes, in the order of `LISTS`. */
  runs: Record<ListName, number>;
  /** Passage lines that follow the runs. */
  passages: number;
}

/**
 * [text id, speaker, via, date, reportedBy]: trailing empty fields left out, and reportedBy only
 * where it is not its text's reporting articles less its own article.
 */
type StoredSentence = [number, (Speaker | null)?, string[]?, (ResolvedDate | null)?, string[]?];
type StoredPassage = [string, ...StoredSentence[]];

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function storeSentence(s: SentenceInfo, derivedReport: readonly string[]): StoredSentence {
  const tuple: StoredSentence = [s.textId, s.attribution.speaker, s.attribution.via, s.date];
  while (tuple.length > 1) {
    const last = tuple[tuple.length - 1];
    if (last === null || (Array.isArray(last) && last.length === 0)) tuple.pop();
    else break;
  }
  if (!sameList(s.reportedBy, derivedReport)) {
    while (tuple.length < 4) tuple.push(null);
    tuple.push([...s.reportedBy]);
  }
  return tuple;
}

/** Each text's reporting articles (positions in `articles`, ascending), for texts in two or more. */
function reportingOf(data: NewsData): Map<number, number[]> {
  const position = new Map(data.articles.map((a, i) => [a.id, i]));
  const reporting = new Map<number, number[]>();
  for (const s of data.sentences) {
    if (s.reportedBy.length === 0 || reporting.has(s.textId)) continue;
    const articles = [s.articleId, ...s.reportedBy].map((id) => position.get(id));
    if (articles.some((a) => a === undefined)) continue; // stored per sentence instead
    reporting.set(
      s.textId,
      [...new Set(articles as number[])].sort((a, b) => a - b),
    );
  }
  return reporting;
}

/** The news reading as lines of JSON: a header, the runs of its lists, one line per passage. */
export function storeNewsData(data: NewsData): unknown[] {
  const alone: number[] = [];
  const shared: [number, number[]][] = [];
  data.sameClaim.forEach((same, i) => {
    if (same.length === 1 && same[0] === i) alone.push(i);
    else if (same.length > 0) shared.push([i, [...same]]);
  });
  const reporting = reportingOf(data);
  const reportingIds = new Map(
    [...reporting].map(([text, articles]) => [
      text,
      articles.map((a) => (data.articles[a] as ArticleInfo).id),
    ]),
  );
  const passageLines: StoredPassage[] = [];
  for (const [passageId, sentences] of data.sentencesByPassage)
    passageLines.push([
      passageId,
      ...sentences.map((s) =>
        storeSentence(s, reportedByFrom(reportingIds.get(s.textId), s.articleId)),
      ),
    ]);
  const lists: StoredLists = {
    articles: data.articles,
    people: data.people,
    agencies: data.agencies,
    alone,
    shared,
    datedStems: [...data.datedStems].map(([id, stems]) => [id, [...stems].join(" ")]),
    reporting: [...reporting].map(([text, articles]) => [text, ...articles]),
  };
  const runs = LISTS.map((name) => toRuns<unknown>(lists[name], RUN_SIZES[name]));
  const header: StoredHeader = {
    kind: "news",
    texts: data.sameClaim.length,
    runs: Object.fromEntries(LISTS.map((name, i) => [name, runs[i]?.length ?? 0])) as Record<
      ListName,
      number
    >,
    passages: passageLines.length,
  };
  return [header, ...runs.flat(), ...passageLines];
}

/** Items per line, so each line is some 100–300 KB at 100k passages. */
const RUN_SIZES: Record<ListName, number> = {
  articles: 1_000,
  people: 1_000,
  agencies: 1_000,
  alone: 20_000,
  shared: 4_000,
  datedStems: 4_000,
  reporting: 2_000,
};

function reportedByFrom(reporting: readonly string[] | undefined, own: string): string[] {
  return reporting ? reporting.filter((a) => a !== own) : [];
}

/**
 * A sentence read back. Who else reports it is its text's reporting articles less its own,
 * listed when asked: the lists are not kept per sentence (see the top of this file).
 */
class StoredSentenceInfo implements SentenceInfo {
  #reportedBy: string[] | undefined;

  constructor(
    readonly articleId: string,
    readonly passageId: string,
    readonly index: number,
    readonly text: string,
    readonly textId: number,
    public attribution: Attribution,
    public date: ResolvedDate | null,
    private readonly reporting: readonly string[] | undefined,
    reportedBy: string[] | undefined,
  ) {
    this.#reportedBy = reportedBy;
  }

  get reportedBy(): string[] {
    return this.#reportedBy ?? reportedByFrom(this.reporting, this.articleId);
  }

  set reportedBy(articles: string[]) {
    this.#reportedBy = articles;
  }
}

const NONE: readonly number[] = Object.freeze([]);
/** Most sentences have no speaker and no relay: they share one attribution, which nothing writes. */
const UNATTRIBUTED: Attribution = Object.freeze({
  speaker: null,
  via: Object.freeze([]) as unknown as string[],
});

/** The news reading from the lines `storeNewsData` wrote; null when they are not such lines. */
export function readNewsData(
  lines: readonly unknown[],
  passages: readonly Passage[],
): NewsData | null {
  const header = lines[0] as StoredHeader | undefined;
  if (header?.kind !== "news" || typeof header.runs !== "object" || header.runs === null)
    return null;
  const runCount = LISTS.reduce((sum, name) => sum + (header.runs[name] ?? 0), 0);
  if (lines.length !== 1 + runCount + header.passages) return null;
  const lists: StoredLists = {
    articles: [],
    people: [],
    agencies: [],
    alone: [],
    shared: [],
    datedStems: [],
    reporting: [],
  };
  let line = 1;
  for (const name of LISTS) {
    for (let run = 0; run < header.runs[name]; run++) {
      if (!appendRun<unknown>(lists[name], lines[line++])) return null;
    }
  }
  const articleIds = lists.articles.map((a) => a.id);
  const reportingByText = new Map<number, string[]>();
  for (const [text, ...articles] of lists.reporting)
    reportingByText.set(
      text as number,
      articles.map((a) => articleIds[a] as string),
    );
  const passageById = new Map<string, Passage>();
  for (const passage of passages) passageById.set(passage.id, passage);
  const sentences: SentenceInfo[] = [];
  const sentencesByPassage = new Map<string, SentenceInfo[]>();
  const saidBy = new Map<string, SentenceInfo[]>();
  for (; line < lines.length; line++) {
    const [passageId, ...stored] = lines[line] as StoredPassage;
    const passage = passageById.get(passageId);
    if (!passage || passage.sentences.length !== stored.length) return null;
    const own = stored.map(([textId, speaker, via, date, reportedBy], index) => {
      const attribution: Attribution =
        (speaker ?? null) === null && (via ?? []).length === 0
          ? UNATTRIBUTED
          : { speaker: speaker ?? null, via: via ?? [] };
      const sentence = new StoredSentenceInfo(
        passage.articleId,
        passageId,
        index,
        passage.sentences[index] as string,
        textId,
        attribution,
        date ?? null,
        reportingByText.get(textId),
        reportedBy,
      );
      if (speaker?.kind === "person") {
        const said = saidBy.get(speaker.key);
        if (said) said.push(sentence);
        else saidBy.set(speaker.key, [sentence]);
      }
      return sentence;
    });
    for (const sentence of own) sentences.push(sentence);
    sentencesByPassage.set(passageId, own);
  }
  const sameClaim: (readonly number[])[] = Array.from({ length: header.texts }, () => NONE);
  for (const i of lists.alone) sameClaim[i] = [i];
  for (const [i, same] of lists.shared) sameClaim[i] = same;
  const datedStems = new Map<number, ReadonlySet<string>>(
    lists.datedStems.map(([id, stems]) => [id, new Set(stems === "" ? [] : stems.split(" "))]),
  );
  // What `withLookups` derives, built above as the lines were read, so no step reads every sentence.
  return {
    articles: lists.articles,
    sentences,
    people: lists.people,
    agencies: lists.agencies,
    sameClaim,
    datedStems,
    articleById: new Map(lists.articles.map((a) => [a.id, a])),
    sentencesByPassage,
    saidBy,
    peopleByKey: new Map(lists.people.map((p) => [p.key, p])),
    timeline: timelineOrder(sentences),
  };
}

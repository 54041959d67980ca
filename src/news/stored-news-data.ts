// The news reading as the index file stores it: built once with the index, read back at start.
// Sentence texts are not stored again (they are the passages' sentences); each passage's
// sentences are one line of short tuples, most of them only a text id. Who else reports a claim is
// stored once per text (a wire story's sentence is in hundreds of articles), not once per sentence:
// at 100k passages the per-sentence lists were 85 of the file's 176 MB, and as many arrays in memory.
import type { Passage } from "../passages/passage.js";
import { derivedLineValue, jsonTextOf } from "../search/prebuilt-index.js";
import { termOfLine } from "../search/stored-postings.js";
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
/** The lists only the views read (who, timeline), not an answer's fields: see `readNewsData`. */
const CLAIM_LISTS: readonly ListName[] = ["alone", "shared", "datedStems"];

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

/** The passage a passage line is of, read without parsing the rest of its text. */
function passageIdOf(line: unknown): string | null {
  const text = jsonTextOf(line);
  return text !== null ? termOfLine(text) : ((line as StoredPassage)[0] ?? null);
}

/**
 * Whether the lines start with a news reading's header and are as many as it counts: what is
 * checked of a stored reading before it is read (its passage lines are read when first used).
 */
export function newsLinesFit(lines: readonly unknown[]): boolean {
  const header = (lines.length > 0 ? derivedLineValue(lines[0]) : undefined) as
    | StoredHeader
    | undefined;
  if (header?.kind !== "news" || typeof header.runs !== "object" || header.runs === null)
    return false;
  const runCount = LISTS.reduce((sum, name) => sum + (header.runs[name] ?? 0), 0);
  return lines.length === 1 + runCount + header.passages;
}

/**
 * The news reading from the lines `storeNewsData` wrote, each as written or as its JSON text
 * (`jsonTextOf`); null when they are not such lines. With `only`, the sentences of those passages
 * alone are read (`sentences`, `sentencesByPassage`, `saidBy` and `timeline` hold theirs; every
 * list of the header is whole): what a question's answer needs of a reading of 100k passages,
 * whose other passage lines are left unparsed.
 */
export function readNewsData(
  lines: readonly unknown[],
  passages: readonly Passage[],
  only?: ReadonlySet<string>,
): NewsData | null {
  if (!newsLinesFit(lines)) return null;
  const header = derivedLineValue(lines[0]) as StoredHeader;
  const lists: StoredLists = {
    articles: [],
    people: [],
    agencies: [],
    alone: [],
    shared: [],
    datedStems: [],
    reporting: [],
  };
  // Where each list's runs are; read now, but for a partial read only the lists its passages need.
  const runsAt = {} as Record<ListName, number>;
  let line = 1;
  for (const name of LISTS) {
    runsAt[name] = line;
    line += header.runs[name];
  }
  const readList = (name: ListName): boolean => {
    for (let run = 0; run < header.runs[name]; run++)
      if (!appendRun<unknown>(lists[name], derivedLineValue(lines[runsAt[name] + run])))
        return false;
    return true;
  };
  const readLater = only === undefined ? [] : CLAIM_LISTS;
  for (const name of LISTS) if (!readLater.includes(name) && !readList(name)) return null;
  const readNow = (name: ListName) => {
    if (readLater.includes(name) && !readList(name))
      throw new Error(`stored-news-data: the ${name} list is malformed`);
  };
  // A partial read parses the lines of the passages asked for first, to know their texts; a whole
  // read parses each line as it comes to it, so no more than one is held unread at a time.
  const firstPassageLine = line;
  let wanted: StoredPassage[] | null = null;
  let texts: Set<number> | null = null;
  if (only !== undefined) {
    wanted = [];
    texts = new Set();
    for (; line < lines.length; line++) {
      const id = passageIdOf(lines[line]);
      if (id === null) return null;
      if (!only.has(id)) continue;
      const stored = derivedLineValue(lines[line]) as StoredPassage;
      wanted.push(stored);
      for (let i = 1; i < stored.length; i++) texts.add((stored[i] as StoredSentence)[0]);
    }
  }
  function* everyLine(): Generator<StoredPassage> {
    for (let at = firstPassageLine; at < lines.length; at++)
      yield derivedLineValue(lines[at]) as StoredPassage;
  }
  // Who reports each text, for the texts read (a partial read needs a few of 100k lists).
  const articleIds = lists.articles.map((a) => a.id);
  const reportingByText = new Map<number, string[]>();
  for (const [text, ...articles] of lists.reporting)
    if (texts === null || texts.has(text as number))
      reportingByText.set(
        text as number,
        articles.map((a) => articleIds[a] as string),
      );
  const passageById = new Map<string, Passage>();
  for (const passage of passages)
    if (only === undefined || only.has(passage.id)) passageById.set(passage.id, passage);
  const sentences: SentenceInfo[] = [];
  const sentencesByPassage = new Map<string, SentenceInfo[]>();
  const saidBy = new Map<string, SentenceInfo[]>();
  for (const [passageId, ...stored] of wanted ?? everyLine()) {
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
  // Claim groups and dated stems: a quarter of a million small lists at 100k passages, which the
  // views (who, timeline) read and an answer's fields do not. A partial read makes them on first use.
  const sameClaimOf = () => {
    readNow("alone");
    readNow("shared");
    const sameClaim: (readonly number[])[] = Array.from({ length: header.texts }, () => NONE);
    for (const i of lists.alone) sameClaim[i] = [i];
    for (const [i, same] of lists.shared) sameClaim[i] = same;
    return sameClaim;
  };
  const datedStemsOf = () => {
    readNow("datedStems");
    return new Map<number, ReadonlySet<string>>(
      lists.datedStems.map(([id, stems]) => [id, new Set(stems === "" ? [] : stems.split(" "))]),
    );
  };
  let sameClaim = only === undefined ? sameClaimOf() : null;
  let datedStems = only === undefined ? datedStemsOf() : null;
  // What `withLookups` derives, built above as the lines were read, so no step reads every sentence.
  return {
    articles: lists.articles,
    sentences,
    people: lists.people,
    agencies: lists.agencies,
    get sameClaim() {
      sameClaim ??= sameClaimOf();
      return sameClaim;
    },
    get datedStems() {
      datedStems ??= datedStemsOf();
      return datedStems;
    },
    articleById: new Map(lists.articles.map((a) => [a.id, a])),
    sentencesByPassage,
    saidBy,
    peopleByKey: new Map(lists.people.map((p) => [p.key, p])),
    timeline: timelineOrder(sentences),
  };
}

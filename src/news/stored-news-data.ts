// The news reading as the index file stores it: built once with the index, read back at start.
// Sentence texts are not stored again (they are the passages' sentences); each passage's
// sentences are one line of short tuples, most of them only a text id.
import type { Passage } from "../passages/passage.js";
import type { Agency } from "./agencies.js";
import type { Attribution, Speaker } from "./attribution.js";
import { type ArticleInfo, type NewsData, type SentenceInfo, withLookups } from "./news-data.js";
import type { Person } from "./people.js";
import type { ResolvedDate } from "./resolve-dates.js";

interface StoredHeader {
  kind: "news";
  articles: ArticleInfo[];
  people: Person[];
  agencies: Agency[];
  /** How many distinct texts there are. */
  texts: number;
  /** The texts that make a claim of their own but share it with no other text: most of them. */
  alone: number[];
  /** The texts sharing their claim with others: [text, the texts of the same claim]. */
  shared: [number, number[]][];
  /** Content stems of each dated text: [text, stems joined by spaces]. */
  datedStems: [number, string][];
  /** Passage lines that follow. */
  passages: number;
}

/** [text id, speaker, via, date, reportedBy], trailing empty fields left out. */
type StoredSentence = [number, (Speaker | null)?, string[]?, (ResolvedDate | null)?, string[]?];
type StoredPassage = [string, ...StoredSentence[]];

function storeSentence(s: SentenceInfo): StoredSentence {
  const tuple: StoredSentence = [
    s.textId,
    s.attribution.speaker,
    s.attribution.via,
    s.date,
    s.reportedBy,
  ];
  while (tuple.length > 1) {
    const last = tuple[tuple.length - 1];
    if (last === null || (Array.isArray(last) && last.length === 0)) tuple.pop();
    else break;
  }
  return tuple;
}

/** The news reading as lines of JSON: a header, then one line per passage that has sentences. */
export function storeNewsData(data: NewsData): unknown[] {
  const alone: number[] = [];
  const shared: [number, number[]][] = [];
  data.sameClaim.forEach((same, i) => {
    if (same.length === 1 && same[0] === i) alone.push(i);
    else if (same.length > 0) shared.push([i, [...same]]);
  });
  const lines: StoredPassage[] = [];
  for (const [passageId, sentences] of data.sentencesByPassage)
    lines.push([passageId, ...sentences.map(storeSentence)]);
  const header: StoredHeader = {
    kind: "news",
    articles: data.articles,
    people: data.people,
    agencies: data.agencies,
    texts: data.sameClaim.length,
    alone,
    shared,
    datedStems: [...data.datedStems].map(([id, stems]) => [id, [...stems].join(" ")]),
    passages: lines.length,
  };
  return [header, ...lines];
}

const NONE: readonly number[] = Object.freeze([]);

// Reading is a generator that stops after each stored passage, so the same code reads at once
// (readNewsData) or in slices that give the event loop a turn (readNewsDataSliced, for a reload).
function* readingNewsData(
  lines: readonly unknown[],
  passages: readonly Passage[],
): Generator<void, NewsData | null> {
  const header = lines[0] as StoredHeader | undefined;
  if (header?.kind !== "news" || lines.length !== header.passages + 1) return null;
  const passageById = new Map(passages.map((p) => [p.id, p]));
  const sentences: SentenceInfo[] = [];
  for (let l = 1; l < lines.length; l++) {
    const [passageId, ...stored] = lines[l] as StoredPassage;
    const passage = passageById.get(passageId);
    if (!passage || passage.sentences.length !== stored.length) return null;
    stored.forEach(([textId, speaker, via, date, reportedBy], index) => {
      const attribution: Attribution = { speaker: speaker ?? null, via: via ?? [] };
      sentences.push({
        articleId: passage.articleId,
        passageId,
        index,
        text: passage.sentences[index] as string,
        textId,
        attribution,
        date: date ?? null,
        reportedBy: reportedBy ?? [],
      });
    });
    yield;
  }
  const sameClaim: (readonly number[])[] = Array.from({ length: header.texts }, () => NONE);
  for (const i of header.alone) sameClaim[i] = [i];
  for (const [i, same] of header.shared) sameClaim[i] = same;
  const datedStems = new Map<number, ReadonlySet<string>>(
    header.datedStems.map(([id, stems]) => [id, new Set(stems === "" ? [] : stems.split(" "))]),
  );
  yield;
  return withLookups({
    articles: header.articles,
    sentences,
    people: header.people,
    agencies: header.agencies,
    sameClaim,
    datedStems,
  });
}

/** The news reading from the lines `storeNewsData` wrote; null when they are not such lines. */
export function readNewsData(
  lines: readonly unknown[],
  passages: readonly Passage[],
): NewsData | null {
  const reading = readingNewsData(lines, passages);
  for (;;) {
    const step = reading.next();
    if (step.done) return step.value;
  }
}

/** As readNewsData, awaiting `pause` after each stored passage (it decides when to yield). */
export async function readNewsDataSliced(
  lines: readonly unknown[],
  passages: readonly Passage[],
  pause: () => Promise<void>,
): Promise<NewsData | null> {
  const reading = readingNewsData(lines, passages);
  for (;;) {
    const step = reading.next();
    if (step.done) return step.value;
    await pause();
  }
}

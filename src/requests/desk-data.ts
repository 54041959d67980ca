// Everything the desk serves that is derived from the articles (the news reading: attribution,
// claims, dates, timeline order, people, agencies; the questions it suggests; the question layer's
// event lexicon), built with the
// index (in the build worker, for the bot) and stored in the index file, so a start from the file
// reads it and no request ever builds it. This module is the `Derivation` the index store loads.
import {
  adoptEventLexicon,
  answerQuestion,
  eventLexiconOf,
  type QuestionWords,
  questionWordsOf,
} from "../answer/answer-question.js";
import { IndexCaches } from "../answer/index-caches.js";
import {
  adoptSuggestionPool,
  type StoredSuggestion,
  storedSuggestionPool,
  suggestQuestions,
} from "../answer/suggest-questions.js";
import { buildNewsData, type NewsData } from "../news/news-data.js";
import { newsLinesFit, readNewsData, storeNewsData } from "../news/stored-news-data.js";
import type { Passage } from "../passages/passage.js";
import type { EventLexicon } from "../query/event-lexicon.js";
import type { Derivation } from "../search/index-store.js";
import type { PassageIndex } from "../search/passage-index.js";
import { derivedLineValue, JsonLine, jsonTextOf } from "../search/prebuilt-index.js";
import { appendRun, toRuns } from "../search/stored-runs.js";
import { newsOffThread } from "./derive-off-thread.js";

/** How many example questions are kept: Slack shows up to four suggested prompts. */
export const EXAMPLE_COUNT = 4;

/** What the question layer derived from an index's passages, stored with it and served from it. */
export interface QuestionLayer {
  pool: StoredSuggestion[];
  /** The question layer's aliases mined from the passages ("Kremlin spokesman" → a name). */
  lexicon: EventLexicon;
  /** The words questions are read against, mined from the passages. */
  words: QuestionWords;
}

/** What the desk derives from an index. */
export class DeskData {
  #news: NewsData | null;
  readonly #stored: StoredNews | null;

  constructor(
    /** The news reading, or its lines as the index file stores them, read back on first use. */
    news: NewsData | StoredNews,
    /** Questions the articles answer confidently, best first (suggested prompts, Home, help). */
    readonly examples: readonly string[],
    readonly questionLayer: QuestionLayer,
  ) {
    this.#news = news instanceof StoredNews ? null : news;
    this.#stored = news instanceof StoredNews ? news : null;
  }

  /** The news reading: attribution, claims, dates, timeline order, people, agencies. */
  get news(): NewsData {
    if (this.#news === null) {
      const stored = this.#stored as StoredNews;
      this.#news = readNewsData(stored.lines, stored.passages);
      if (this.#news === null) throw new Error("desk: the news reading did not read back");
    }
    return this.#news;
  }

  /** Whether the news reading has been read whole (built, or parsed from its lines). */
  get newsIsRead(): boolean {
    return this.#news !== null;
  }

  /**
   * The news reading as far as these passages need it (see `readNewsData`'s `only`): the whole
   * reading once read, else theirs alone, read from its lines now and not kept. For one question
   * of the CLI, which cites a few passages of a reading of 100k.
   */
  newsOf(passageIds: readonly string[]): NewsData {
    if (this.#news !== null) return this.#news;
    const stored = this.#stored as StoredNews;
    const news = readNewsData(stored.lines, stored.passages, new Set(passageIds));
    if (news === null) throw new Error("desk: the news reading did not read back");
    return news;
  }

  /** The news reading's lines for the index file: as they came, when they came as lines. */
  storedNewsLines(): unknown[] {
    return this.#stored
      ? this.#stored.lines.map((line) => new JsonLine(line))
      : storeNewsData(this.news);
  }
}

/**
 * The news reading of these passages as the index file's lines, in JSON (what the desk worker
 * sends, and what the file holds): an index built only to be written (`npm run index`) never
 * needs it as objects, and one read from the file parses it when first used, and for one
 * question only the lines of the passages it cites (`DeskData.newsOf`).
 */
export class StoredNews {
  constructor(
    readonly lines: readonly string[],
    readonly passages: readonly Passage[],
  ) {}
}

// Under tsx (dev, tests) this module is a .ts file; compiled, a .js one.
const SELF = new URL(
  `./desk-data.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`,
  import.meta.url,
);

/** Tells the index store to build the desk's data with the index and keep it in the file. */
export const DESK_DERIVATION: Derivation = { module: SELF.href };

const answerPlainlyWith = (caches: IndexCaches) => (index: PassageIndex, question: string) =>
  answerQuestion(index, question, { suggest: false, caches });

/** Questions the articles answer confidently, best first, generated from them. */
export function exampleQuestions(
  index: PassageIndex,
  count = EXAMPLE_COUNT,
  caches = new IndexCaches(index),
): string[] {
  return suggestQuestions(index, caches, count, answerPlainlyWith(caches));
}

/** Builds the desk's data from an index: the news reading and the suggestion pool. */
export function deriveFrom(index: PassageIndex): DeskData {
  const { examples, layer } = questionLayerOf(index);
  return new DeskData(buildNewsData(index.passages), examples, layer);
}

/**
 * Below this many passages the desk is derived after the index, on this thread: a worker loads the
 * whole code base again (about a second under tsx), more than the news reading of a small corpus
 * takes, and on a machine whose cores are busy a second thread gains nothing.
 */
export const OFF_THREAD_MIN_PASSAGES = 2_000;

/**
 * As `deriveFrom`, with the news reading (which needs only the passages) started in a worker
 * before the index is built, so it runs beside the index build and the question layer, built on
 * this thread once the index is (see `Derivation`). The same data as `deriveFrom`.
 */
export function startDerivation(
  passages: readonly Passage[],
  minPassages = OFF_THREAD_MIN_PASSAGES,
): (index: PassageIndex) => Promise<DeskData> {
  if (passages.length < minPassages) return async (index) => deriveFrom(index);
  const news = newsOffThread(passages);
  // An index build that throws leaves it unread: its failure is the index build's.
  news.catch(() => {});
  return async (index) => {
    if (index.passages !== passages) throw new Error("desk: the index is not of these passages");
    // Built while the worker reads the news.
    const { examples, layer } = questionLayerOf(index);
    return new DeskData(new StoredNews(await news, index.passages), examples, layer);
  };
}

/** The suggestions and what the question layer mined from the passages, read through one cache. */
function questionLayerOf(index: PassageIndex): { examples: string[]; layer: QuestionLayer } {
  const caches = new IndexCaches(index);
  const examples = exampleQuestions(index, EXAMPLE_COUNT, caches);
  return {
    examples,
    layer: {
      pool: storedSuggestionPool(index, caches, answerPlainlyWith(caches)),
      lexicon: eventLexiconOf(index, caches),
      words: questionWordsOf(index, caches),
    },
  };
}

/** The desk's own line. The lexicon's lists and the question words follow it in runs (megabytes at 100k passages). */
interface StoredDesk {
  kind: "desk";
  examples: string[];
  pool: StoredSuggestion[];
  /** How many lines the lexicon's aliases and entries, then the question words, take. */
  lexiconRuns: { aliases: number; entries: number; surface: number; sourceOnly: number };
}

/** The desk's data as lines for the index file: its own line, the lexicon's and words' runs, the news reading's. */
export function storeDerived(derived: unknown): unknown[] {
  if (!(derived instanceof DeskData)) return [];
  const extra = derived.questionLayer;
  const aliases = toRuns(extra.lexicon.aliases);
  const entries = toRuns(extra.lexicon.entries);
  const surface = toRuns([...extra.words.surface]);
  const sourceOnly = toRuns([...extra.words.sourceOnly]);
  const desk: StoredDesk = {
    kind: "desk",
    examples: [...derived.examples],
    pool: extra.pool,
    lexiconRuns: {
      aliases: aliases.length,
      entries: entries.length,
      surface: surface.length,
      sourceOnly: sourceOnly.length,
    },
  };
  return [desk, ...aliases, ...entries, ...surface, ...sourceOnly, ...derived.storedNewsLines()];
}

/** The event lexicon and question words from the runs after the desk's line; null when absent. */
function readLexicon(
  lines: readonly unknown[],
  desk: StoredDesk,
): Pick<QuestionLayer, "lexicon" | "words"> | null {
  const counts = desk.lexiconRuns;
  if (
    typeof counts?.aliases !== "number" ||
    typeof counts.entries !== "number" ||
    typeof counts.surface !== "number" ||
    typeof counts.sourceOnly !== "number"
  )
    return null;
  const aliases: EventLexicon["aliases"][number][] = [];
  const entries: EventLexicon["entries"][number][] = [];
  const surface: string[] = [];
  const sourceOnly: string[] = [];
  let line = 1;
  const read = <T>(into: T[], runs: number) => {
    for (let run = 0; run < runs; run++)
      if (!appendRun(into, derivedLineValue(lines[line++]))) return false;
    return true;
  };
  if (
    !read(aliases, counts.aliases) ||
    !read(entries, counts.entries) ||
    !read(surface, counts.surface) ||
    !read(sourceOnly, counts.sourceOnly)
  )
    return null;
  return {
    lexicon: { aliases, entries },
    words: { surface: new Set(surface), sourceOnly: new Set(sourceOnly) },
  };
}

/**
 * The desk's data from its stored lines; built anew when there are none (an index built without).
 * Lines read from the file come as their JSON text: the news reading's stay so until first used
 * (`DeskData`), its header checked now.
 */
export function reviveDerived(lines: readonly unknown[], index: PassageIndex): DeskData {
  const desk = (lines.length > 0 ? derivedLineValue(lines[0]) : undefined) as
    | StoredDesk
    | undefined;
  const read = desk?.kind === "desk" ? readLexicon(lines, desk) : null;
  const runs = desk?.lexiconRuns;
  const newsFrom =
    1 +
    (runs?.aliases ?? 0) +
    (runs?.entries ?? 0) +
    (runs?.surface ?? 0) +
    (runs?.sourceOnly ?? 0);
  const newsLines = lines.slice(newsFrom);
  // Lines of JSON text (the file's, a worker's) stay text until read; values are read now.
  const texts = newsLines.map(jsonTextOf);
  const news =
    !desk || !read || !newsLinesFit(newsLines)
      ? null
      : texts.every((text) => text !== null)
        ? new StoredNews(texts as string[], index.passages)
        : readNewsData(newsLines, index.passages);
  if (!desk || !read || !news) return deriveFrom(index);
  return new DeskData(news, desk.examples, { pool: desk.pool, ...read });
}

/**
 * The desk's data of an index: what was built with it, or, for an index built without it (tests,
 * a caller that needs only search), built here once and kept with the index as if built with it.
 */
export function deskDataOf(index: PassageIndex): DeskData {
  if (index.derived instanceof DeskData) return index.derived;
  const desk = deriveFrom(index);
  if (index.derived === undefined) index.derived = desk;
  return desk;
}

/**
 * Fresh caches for serving `index` (see IndexCaches), holding from the start what its desk data
 * derived with it or read from its file, so no question derives them again.
 */
export function servingCachesOf(index: PassageIndex): IndexCaches {
  const { questionLayer } = deskDataOf(index);
  const caches = new IndexCaches(index);
  adoptSuggestionPool(caches, questionLayer.pool);
  adoptEventLexicon(caches, questionLayer.lexicon);
  caches.surface = questionLayer.words.surface;
  caches.sourceOnly = questionLayer.words.sourceOnly;
  return caches;
}

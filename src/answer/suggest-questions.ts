import { inverseDocumentFrequency, type PassageIndex } from "../search/passage-index.js";
import { englishZipf, isName } from "../text/english-frequency.js";
import { termsOfText } from "../text/terms.js";
import type { Answer } from "./answer.js";
import type { IndexCaches, Suggestion } from "./index-caches.js";

/** Answers a question: `answerQuestion`, passed in so this file and it do not import each other. */
export type Answerer = (index: PassageIndex, question: string) => Answer;

const MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December";
// Two or three capitalised words: a person's name as news writes it ("Dmitry Peskov").
const NAME = "([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})";
const SPEAKER = new RegExp(
  `${NAME},?(?: [a-z]+){0,3} (?:said|told|wrote|stated|added|confirmed)\\b`,
  "g",
);
const SAID_BY = new RegExp(`\\b(?:said|told|wrote|stated) ${NAME}\\b`, "g");
const DATE = new RegExp(`\\b(?:On |on |By the evening of )(${MONTHS}) (\\d{1,2})\\b`, "g");

/**
 * A name without the title news puts before it ("Foreign Minister Sergey Lavrov" → "Sergey
 * Lavrov"): leading words that are everyday English, not names, are dropped.
 */
function bareName(name: string): string | null {
  const words = name.split(" ");
  while (words.length > 0 && !isName(words[0] as string) && englishZipf(words[0] as string) > 0)
    words.shift();
  if (words.length === 0) return null;
  // "The Kremlin" stays "the Kremlin": an institution keeps its article.
  return name.startsWith("The ") ? `the ${words.join(" ")}` : words.join(" ");
}

/** Candidate questions a passage suggests, from the shapes news text takes. */
function candidatesOf(text: string): string[] {
  const found: string[] = [];
  for (const match of [...text.matchAll(SPEAKER), ...text.matchAll(SAID_BY)]) {
    const name = bareName(match[1] as string);
    if (name) found.push(`what did ${name} say`);
  }
  for (const match of text.matchAll(DATE)) found.push(`what happened on ${match[1]} ${match[2]}`);
  return found;
}

/** How many answerable questions are kept per index, to pick suggestions from. */
const POOL_SIZE = 24;

/**
 * The questions the articles answer, best first: generated from the passages (who said what, what
 * happened on a date) and kept only when the bot answers them confidently, each with a passage of
 * its own, ranked by how many passages they are asked from. Built once per index.
 */
function poolOf(index: PassageIndex, caches: IndexCaches, answer: Answerer): readonly Suggestion[] {
  if (caches.suggestionPool) return caches.suggestionPool;
  const frequency = new Map<string, number>();
  for (const passage of index.passages)
    for (const question of candidatesOf(passage.text))
      frequency.set(question, (frequency.get(question) ?? 0) + 1);
  const ranked = [...frequency]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([question]) => question);
  const pool: Suggestion[] = [];
  const answeredBy = new Set<string>();
  for (const question of ranked) {
    if (pool.length === POOL_SIZE) break;
    const reply = answer(index, question);
    const first = reply.items[0];
    if (reply.confidence !== "confident" || !first || answeredBy.has(first.passage.id)) continue;
    answeredBy.add(first.passage.id);
    pool.push({ question, answerTerms: new Set(termsOfText(first.passage.text)) });
  }
  caches.suggestionPool = pool;
  return pool;
}

/** A suggestion as the index file stores it. */
export interface StoredSuggestion {
  question: string;
  answerTerms: string[];
}

/** The index's pool of answerable questions, best first, as stored with the index (built if need be). */
export function storedSuggestionPool(
  index: PassageIndex,
  caches: IndexCaches,
  answer: Answerer,
): StoredSuggestion[] {
  return poolOf(index, caches, answer).map((s) => ({
    question: s.question,
    answerTerms: [...s.answerTerms],
  }));
}

/** Takes an index's pool as stored with it, so it is not built again by asking each question. */
export function adoptSuggestionPool(
  caches: IndexCaches,
  stored: readonly StoredSuggestion[],
): void {
  caches.suggestionPool = stored.map((s) => ({
    question: s.question,
    answerTerms: new Set(s.answerTerms),
  }));
}

/**
 * Questions the articles answer, best first (see `poolOf`). Deterministic, and kept in `caches` by
 * count, so it is cheap to call once at start (for help and suggested prompts).
 */
export function suggestQuestions(
  index: PassageIndex,
  caches: IndexCaches,
  count: number,
  answer: Answerer,
): string[] {
  const cached = caches.suggestions.get(count);
  if (cached) return cached;
  const chosen = poolOf(index, caches, answer)
    .slice(0, count)
    .map((s) => s.question);
  caches.suggestions.set(count, chosen);
  return chosen;
}

/**
 * Suggestions after a question the articles do not answer: those whose answer shares most of the
 * question's terms come first, each term weighted by how rare it is in the articles, so a question
 * about something the articles cover in other words leads to what they do say about it. The
 * best-answered questions fill the rest, in their usual order.
 */
export function suggestQuestionsFor(
  index: PassageIndex,
  caches: IndexCaches,
  questionTerms: readonly string[],
  count: number,
  answer: Answerer,
): string[] {
  const weights = new Map<string, number>();
  for (const term of questionTerms)
    if (index.documentFrequency.has(term)) weights.set(term, inverseDocumentFrequency(index, term));
  const relevance = (s: Suggestion) => {
    let sum = 0;
    for (const [term, weight] of weights) if (s.answerTerms.has(term)) sum += weight;
    return sum;
  };
  return poolOf(index, caches, answer)
    .map((s, rank) => ({ question: s.question, relevance: relevance(s), rank }))
    .sort((a, b) => b.relevance - a.relevance || a.rank - b.rank)
    .slice(0, count)
    .map((s) => s.question);
}

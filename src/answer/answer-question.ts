import type { Passage } from "../passages/passage.js";
import { aliasExpansions, buildEventLexicon, type EventLexicon } from "../query/event-lexicon.js";
import { expandQuestionWords } from "../query/expand-question.js";
import { normaliseQuestion } from "../query/normalise-question.js";
import { rewriteAgainstVocabulary } from "../query/rewrite-against-vocabulary.js";
import { inverseDocumentFrequency, type PassageIndex } from "../search/passage-index.js";
import { findCandidates } from "../search/search-passages.js";
import { COMMON_ZIPF, englishZipf, isName, RARE_ZIPF } from "../text/english-frequency.js";
import { foldWord, tokenize } from "../text/terms.js";
import type { Answer, AnswerItem } from "./answer.js";
import { type AnswerType, detectAnswerType } from "./answer-type.js";
import {
  confidenceOf,
  REPLY_THRESHOLDS,
  type ReplySignals,
  type ReplyThresholds,
} from "./confidence.js";
import { coverageScorer, informationScorer } from "./evidence-scores.js";
import { cachesFor, type IndexCaches } from "./index-caches.js";
import { mergeDuplicates, sameReport } from "./merge-duplicates.js";
import { nonNewsIntent } from "./question-intent.js";
import { cohesionOf } from "./sentence-cohesion.js";
import { sourceOnlyTerms } from "./source-names.js";
import { suggestQuestionsFor } from "./suggest-questions.js";
import { typeEvidence } from "./type-evidence.js";

export interface AnswerOptions {
  /** How many passages an answer holds at most. */
  limit?: number;
  /** Below this share of the question's information, a passage is not a candidate. */
  minCoverage?: number;
  /** Where confident, tentative and none divide (default `REPLY_THRESHOLDS`). */
  thresholds?: Partial<ReplyThresholds>;
  /** Whether a reply of kind "none" carries questions the articles do answer (default true). */
  suggest?: boolean;
  /** Says how strongly a sentence holds an answer of the expected type, 0–1. */
  evidence?: EvidenceFn;
  /** What the index's questions share (see IndexCaches); fresh ones for this question when absent. */
  caches?: IndexCaches;
}

export type EvidenceFn = typeof typeEvidence;

/** Lexical hits reranked per question: enough to find the answer, few enough to stay fast. */
const CANDIDATE_POOL = 20;
/** How many questions the articles do answer a "none" reply suggests. */
const SUGGESTIONS = 3;

/**
 * A hit matching less than this share of the question's information is not ranked. Low: ranking
 * only orders passages; whether to answer is `confidenceOf`'s decision, apart from ranking.
 */
export const CANDIDATE_COVERAGE = 0.1;
/** Kinds of answer whose presence the rules find surely: numbers and dates. */
const KINDS_SURELY_FOUND: ReadonlySet<AnswerType> = new Set(["quantity", "time"]);
/** How much an answer of the expected type can lift a passage: up to double its lexical score. */
const TYPE_WEIGHT = 1;
/**
 * At most this many lexical hits are read to fill the CANDIDATE_POOL: on a large corpus many
 * passages hold one copy of the same sentence, and each after the first is passed over. Reading
 * deeper finds the passage a pasted sentence came from more often (at 100k mixed passages, 120
 * hits: 3 questions lost instead of 5; 300: 1), but each hit read costs its passage's features,
 * and a question's time grew 2.5 and 8 times (docs/quality.md).
 */
const MAX_SCAN = 60;

/** The passages holding one answer sentence: the one quoted first, then copies of it whole. */
interface SentenceGroup {
  members: Candidate[];
  /** The quoted passage's word 3-grams, to tell a copy of it whole. */
  shingles: ReadonlySet<number>;
  /** How well the sentence sits in the quoted passage (see `cohesionOf`). */
  cohesion: number;
}

export interface Candidate {
  passage: Passage;
  score: number;
  matchedTerms: string[];
  answerSentence: number;
  rank: number;
  /** What says whether it answers the question at all (see `confidenceOf`). */
  signals: ReplySignals;
}

/** The index's source-only terms, found now if they were not yet (to build them with the index, and store them). */
export function sourceTermsOf(index: PassageIndex, caches?: IndexCaches): ReadonlySet<string> {
  const cached = cachesFor(index, caches);
  cached.sourceOnly ??= sourceOnlyTerms(index.passages, index.documentFrequency);
  return cached.sourceOnly;
}

/**
 * How much a question term says the question is about the articles' story, 0–1: nothing for a
 * term they use only in the name of who reports, nothing for everyday English ("world", "today",
 * "help"), all for a name or a rare word, and between the two by how common the word is.
 */
export function topicalityScorer(
  index: PassageIndex,
  words: ReadonlyMap<string, string>,
  caches?: IndexCaches,
): (term: string) => number {
  const sourceOnly = sourceTermsOf(index, caches);
  return (term) => {
    if (sourceOnly.has(term)) return 0;
    const word = words.get(term) ?? term;
    const zipf = englishZipf(word);
    // A name says the question is about something in particular, unless English writes it all
    // the time: SUBTLEX's casing makes names of "President", "United", "States" and "Navy" too.
    if (isName(word) && zipf < COMMON_ZIPF) return 1;
    if (zipf <= RARE_ZIPF) return 1;
    if (zipf >= COMMON_ZIPF) return 0;
    return (COMMON_ZIPF - zipf) / (COMMON_ZIPF - RARE_ZIPF);
  };
}

/**
 * The question as the pipeline reads it: normalised (chatter, dates) and rewritten toward
 * the corpus's words (compounds, demonyms). Every caller gets the same reading.
 */
export function readQuestion(index: PassageIndex, question: string, caches?: IndexCaches): string {
  const surface = surfaceWordsOf(index, caches);
  return rewriteAgainstVocabulary(normaliseQuestion(question), (word) => surface.has(word));
}

/** The index's surface words, read now if they were not yet (to build them with the index, and store them). */
export function surfaceWordsOf(index: PassageIndex, caches?: IndexCaches): ReadonlySet<string> {
  const cached = cachesFor(index, caches);
  cached.surface ??= passageSurfaceWords(index.passages);
  return cached.surface;
}

/** The folded words of passages as written (what `surfaceWordsOf` holds for their index). */
export function passageSurfaceWords(passages: readonly Passage[]): Set<string> {
  const found = new Set<string>();
  for (const passage of passages)
    for (const token of tokenize(passage.text)) found.add(foldWord(token));
  return found;
}

/**
 * Takes an index's source-only terms and surface words as stored with it: both read every passage,
 * seconds at 100k passages, which its first question would otherwise spend.
 */
export function adoptPassageWords(
  caches: IndexCaches,
  words: { sourceOnly?: Iterable<string>; surface?: Iterable<string> },
): void {
  if (words.sourceOnly) caches.sourceOnly = new Set(words.sourceOnly);
  if (words.surface) caches.surface = new Set(words.surface);
}

/** The index's event lexicon, mined now if it was not yet (to build it with the index, and store it). */
export function eventLexiconOf(index: PassageIndex, caches?: IndexCaches): EventLexicon {
  const cached = cachesFor(index, caches);
  cached.lexicon ??= buildEventLexicon(index.passages);
  return cached.lexicon;
}

/** Takes an index's event lexicon as stored with it, so its first question does not mine it. */
export function adoptEventLexicon(caches: IndexCaches, lexicon: EventLexicon): void {
  caches.lexicon = lexicon;
}

/** The words questions are read against: the passages' words as written, and source-only terms. */
export interface QuestionWords {
  surface: ReadonlySet<string>;
  sourceOnly: ReadonlySet<string>;
}

/** The index's question words, derived now if they were not (to build them with the index, and store them). */
export function questionWordsOf(index: PassageIndex, caches?: IndexCaches): QuestionWords {
  const cached = cachesFor(index, caches);
  return { surface: surfaceWordsOf(index, cached), sourceOnly: sourceTermsOf(index, cached) };
}

/**
 * Words the corpus lacks through WordNet, and descriptions the articles give a name through the
 * event lexicon ("the state news agency" → TASS). Both count only beside the question's own words.
 */
function expandWords(index: PassageIndex, words: ReadonlyMap<string, string>, caches: IndexCaches) {
  const lexicon = eventLexiconOf(index, caches);
  const expansions = expandQuestionWords(index, words);
  for (const [term, names] of aliasExpansions(lexicon, new Set(words.keys())))
    expansions.set(term, [...(expansions.get(term) ?? []), ...names]);
  return expansions;
}

/** Picks the sentence that best answers: most question information, lifted by type evidence. */
export function chooseAnswerSentence(
  index: PassageIndex,
  passage: Passage,
  matchedTerms: readonly string[],
  type: AnswerType | null,
  evidenceOf: EvidenceFn = typeEvidence,
  caches?: IndexCaches,
): { sentence: number; evidence: number } {
  const terms = new Set(matchedTerms);
  let best = { sentence: 0, evidence: 0, weight: -1 };
  const { sentences } = cachesFor(index, caches).features.get(passage);
  passage.sentences.forEach((sentence, i) => {
    const found = new Set<string>();
    const { words, terms: sentenceTerms } = sentences[i] as (typeof sentences)[number];
    for (const term of sentenceTerms) if (term !== null && terms.has(term)) found.add(term);
    let information = 0;
    for (const term of found) information += inverseDocumentFrequency(index, term);
    const evidence =
      type && found.size > 0 ? evidenceOf(sentence, { type, matchedTerms: terms, words }) : 0;
    const weight = information * (1 + TYPE_WEIGHT * evidence);
    if (weight > best.weight) best = { sentence: i, evidence, weight };
  });
  return { sentence: best.sentence, evidence: best.evidence };
}

/** The passages a question ranks, best first, each with what says whether it answers. */
export interface RankedPassages {
  /** The question's terms, as searched. */
  terms: string[];
  candidates: Candidate[];
}

/**
 * Ranks the passages for a question, apart from deciding whether to answer: lexical candidates
 * from MiniSearch, kept when they cover enough of the question (one per sentence pasted into many
 * passages), reranked by whether they hold the kind of answer the question asks for.
 */
export function rankPassages(
  index: PassageIndex,
  question: string,
  options: Pick<AnswerOptions, "minCoverage" | "evidence" | "caches"> = {},
): RankedPassages {
  const { minCoverage = CANDIDATE_COVERAGE, evidence: evidenceOf = typeEvidence } = options;
  const caches = cachesFor(index, options.caches);
  const reading = readQuestion(index, question, caches);
  const { terms, words, expansions, hits } = findCandidates(
    index,
    reading,
    (i, w) => expandWords(i, w, caches),
    caches.search,
  );
  const type = detectAnswerType(reading);
  const topScore = hits[0]?.score ?? 0;
  const coverageOf = coverageScorer(index, terms, words, expansions);
  // A word used only in the name of who reports is no information about what they report.
  const sourceOnly = sourceTermsOf(index, caches);
  const informationOf = informationScorer(index, terms, (term) => (sourceOnly.has(term) ? 0 : 1));
  const topicalOf = informationScorer(index, terms, topicalityScorer(index, words, caches));
  // One place in the pool per answer sentence: the same sentence in other company (a quote pasted
  // into an unrelated passage) is one candidate, not twenty. Of its copies, the one whose context
  // hangs together around it (`cohesionOf`) is quoted, at the best score any copy earned; a copy
  // of the whole passage stays beside it, to be merged with it as another outlet's report, and
  // takes no place of its own. Once the pool is full, the hits left to scan can still offer a
  // better copy of a sentence already in it.
  const groups = new Map<string, SentenceGroup>();
  const idfOf = (term: string) => inverseDocumentFrequency(index, term);
  let order = 0;
  let scanned = 0;
  for (const hit of hits) {
    if (scanned === MAX_SCAN) break;
    scanned++;
    const passage = index.passages[hit.id as number];
    if (!passage) continue;
    // With the pool full, only a copy of a sentence in it can still matter: anything else is
    // passed over before any work.
    if (groups.size === CANDIDATE_POOL && !passage.sentences.some((said) => groups.has(said)))
      continue;
    const coverage = coverageOf(hit);
    if (coverage < minCoverage) continue;
    const { sentence, evidence } = chooseAnswerSentence(
      index,
      passage,
      hit.terms,
      type,
      evidenceOf,
      caches,
    );
    const said = passage.sentences[sentence] ?? "";
    const group = groups.get(said);
    if (!group && groups.size === CANDIDATE_POOL) continue;
    const features = caches.features.get(passage);
    const lexical = (hit.score / topScore) * coverage;
    const candidate: Candidate = {
      passage,
      score: lexical * (1 + TYPE_WEIGHT * evidence),
      matchedTerms: hit.terms,
      answerSentence: sentence,
      rank: order++,
      signals: {
        coverage,
        information: informationOf(hit),
        topical: topicalOf(hit),
        ...(type && KINDS_SURELY_FOUND.has(type) ? { holdsAnswerKind: evidence > 0 } : {}),
      },
    };
    if (!group) {
      const cohesion = cohesionOf(features, sentence, idfOf);
      groups.set(said, { members: [candidate], shingles: features.shingles, cohesion });
      continue;
    }
    if (sameReport(features.shingles, group.shingles)) {
      group.members.push(candidate);
      continue;
    }
    const cohesion = cohesionOf(features, sentence, idfOf);
    const quoted = group.members[0] as Candidate;
    if (cohesion <= group.cohesion) continue;
    candidate.score = Math.max(candidate.score, quoted.score);
    candidate.rank = quoted.rank;
    groups.set(said, { members: [candidate], shingles: features.shingles, cohesion });
  }
  const candidates = [...groups.values()].flatMap((group) => group.members);
  candidates.sort((a, b) => b.score - a.score || a.rank - b.rank);
  return { terms, candidates };
}

/**
 * Answers a question from the corpus, quoting only: the passages `rankPassages` ranks, with
 * near-duplicates from several outlets merged into one result, under the reply kind the best one
 * earns (`confidenceOf`).
 */
export function answerQuestion(
  index: PassageIndex,
  question: string,
  options: AnswerOptions = {},
): Answer {
  const { limit = 3 } = options;
  const caches = cachesFor(index, options.caches);
  const { terms, candidates } = rankPassages(index, question, { ...options, caches });
  // A request that is plainly not news ("weather in moscow") is off-topic, whatever it matches.
  const offTopic = nonNewsIntent(question, (term) => index.vocabulary.has(term)) !== null;
  const confidence = offTopic
    ? "none"
    : confidenceOf(candidates[0]?.signals ?? null, { ...REPLY_THRESHOLDS, ...options.thresholds });
  if (confidence === "none") {
    if (options.suggest === false) return { question, confidence, items: [] };
    const answerPlainly = (i: PassageIndex, q: string) =>
      answerQuestion(i, q, { suggest: false, caches });
    const suggestions = suggestQuestionsFor(index, caches, terms, SUGGESTIONS, answerPlainly);
    return { question, confidence, items: [], suggestions };
  }
  const items: AnswerItem[] = mergeDuplicates(
    candidates,
    limit,
    (candidate) => caches.features.get(candidate.passage).shingles,
  ).map(({ best, alsoReportedBy }) => ({
    passage: best.passage,
    score: best.score,
    matchedTerms: best.matchedTerms,
    answerSentence: best.answerSentence,
    alsoReportedBy,
  }));
  return { question, confidence, items };
}

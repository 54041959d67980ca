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
import type { SentenceFeatures } from "./passage-features.js";
import { nonNewsIntent } from "./question-intent.js";
import { cohesionAcross } from "./sentence-cohesion.js";
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
 * At most this many lexical hits are read to fill the CANDIDATE_POOL (as many as a large corpus's
 * search returns): on a large corpus many passages hold a copy of the same sentence, and the one it
 * came from, whose next sentence may hold the answer, can sit a hundred hits down. A copy of a
 * sentence already in the pool costs a few lookups (`copiedSentence`, `cohesionAcross`), so
 * reading them all costs what reading 60 did when each copy was tokenised (docs/quality.md).
 */
const MAX_SCAN = 300;

/** The passages holding one answer sentence: the one quoted first, then copies of it whole. */
interface SentenceGroup {
  members: Candidate[];
  /** The answer sentence's words and index terms. */
  sentence: SentenceFeatures;
  /** Its index terms: a hit whose matched terms all lie in it answers with it. */
  terms: ReadonlySet<string>;
  /** How well the sentence sits in any passage holding it (see `cohesionAcross`). */
  cohesionIn: (passage: number, sentences: number, floor?: number) => number;
  /** …and in the quoted passage. */
  cohesion: number;
  /** Its type evidence, by the matched terms it was worked out for. */
  evidence: Map<string, number>;
  /** How many of its copies were compared whole with the quoted passage. */
  wholeCopyChecks: number;
}

/**
 * At most this many copies of a sentence are compared whole with the passage quoted for it, to
 * list them as the same report from other outlets: each comparison reads the copy's text, and a
 * sentence of a wire story can sit in hundreds of passages. A copy not compared still counts for
 * which passage is quoted (by cohesion, which reads no text).
 */
const WHOLE_COPY_CHECKS = 8;

/**
 * Passages this much shorter than another (in characters) are not a copy of it whole: a whole copy
 * shares at least half the longer one's word 3-grams (`sameReport`), and a passage of less than
 * half the words cannot. Lower than a half, since words differ in length.
 */
const WHOLE_COPY_LENGTH_RATIO = 0.4;

/** Whether two passages are long enough alike that one may be a whole copy of the other. */
function mayBeWholeCopy(a: Passage, b: Passage): boolean {
  const [short, long] = a.text.length <= b.text.length ? [a, b] : [b, a];
  return short.text.length >= WHOLE_COPY_LENGTH_RATIO * long.text.length;
}

/**
 * The sentence of `passage` that is already a group's answer sentence and holds every term the hit
 * matched: that sentence holds the most of the question, so the passage answers with it, and it is
 * known without reading the passage (a copy of the sentence in other company).
 */
function copiedSentence(
  passage: Passage,
  matched: readonly string[],
  groups: ReadonlyMap<string, SentenceGroup>,
): { group: SentenceGroup; at: number } | null {
  for (let at = 0; at < passage.sentences.length; at++) {
    const group = groups.get(passage.sentences[at] as string);
    if (group && matched.every((term) => group.terms.has(term))) return { group, at };
  }
  return null;
}

/**
 * How strongly a group's sentence holds the kind of answer asked for, with the terms a hit matched
 * in it: worked out once per set of terms, since its copies match the same ones.
 */
function copyEvidence(
  group: SentenceGroup,
  said: string,
  matched: readonly string[],
  type: AnswerType | null,
  evidenceOf: EvidenceFn,
): number {
  if (!type || matched.length === 0) return 0;
  const key = matched.join(" ");
  let evidence = group.evidence.get(key);
  if (evidence === undefined) {
    evidence = evidenceOf(said, {
      type,
      matchedTerms: new Set(matched),
      words: group.sentence.words,
    });
    group.evidence.set(key, evidence);
  }
  return evidence;
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
  // Most hits match one of a few sets of terms, and the search shares each set's list among them.
  const coverageByTerms = new Map<readonly string[], number>();
  let order = 0;
  let scanned = 0;
  for (const hit of hits) {
    if (scanned === MAX_SCAN) break;
    scanned++;
    const id = hit.id as number;
    const passage = index.passages[id];
    if (!passage) continue;
    // A copy of a sentence already in the pool costs a few lookups; any other passage has its
    // sentences read, so with the pool full one holding none of the pool's is passed over first.
    const copy = copiedSentence(passage, hit.terms, groups);
    if (
      !copy &&
      groups.size === CANDIDATE_POOL &&
      !passage.sentences.some((said) => groups.has(said))
    )
      continue;
    let coverage = coverageByTerms.get(hit.queryTerms);
    if (coverage === undefined) {
      coverage = coverageOf(hit);
      coverageByTerms.set(hit.queryTerms, coverage);
    }
    if (coverage < minCoverage) continue;
    const { sentence, evidence: evidenceHere } = copy
      ? { sentence: copy.at, evidence: undefined }
      : chooseAnswerSentence(index, passage, hit.terms, type, evidenceOf, caches);
    const said = passage.sentences[sentence] ?? "";
    const group = copy?.group ?? groups.get(said);
    if (!group && groups.size === CANDIDATE_POOL) continue;
    // A passage holding a sentence of the pool joins its group as a whole copy of the quoted
    // passage, takes the quote from it when its context hangs together better, or is passed over:
    // decided before anything else is worked out for it, since most copies are passed over.
    const quoted = group?.members[0];
    let joins = false;
    let cohesion = 0;
    if (group && quoted) {
      if (group.wholeCopyChecks < WHOLE_COPY_CHECKS && mayBeWholeCopy(passage, quoted.passage)) {
        group.wholeCopyChecks++;
        const shingles = caches.features.shinglesOnce(passage);
        joins = sameReport(shingles, caches.features.shingles(quoted.passage));
      }
      if (!joins) {
        cohesion = group.cohesionIn(id, passage.sentences.length, group.cohesion);
        if (cohesion <= group.cohesion) continue;
      }
    }
    const evidence =
      evidenceHere ?? (group ? copyEvidence(group, said, hit.terms, type, evidenceOf) : 0);
    const candidate: Candidate = {
      passage,
      score: (hit.score / topScore) * coverage * (1 + TYPE_WEIGHT * evidence),
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
    if (!group || !quoted) {
      const features = caches.features.get(passage).sentences[sentence] as SentenceFeatures;
      const cohesionIn = cohesionAcross(features, caches.termCounts, idfOf);
      groups.set(said, {
        members: [candidate],
        sentence: features,
        terms: new Set(features.terms.filter((term) => term !== null)),
        cohesionIn,
        cohesion: cohesionIn(id, passage.sentences.length),
        evidence: new Map(),
        wholeCopyChecks: 0,
      });
    } else if (joins) {
      group.members.push(candidate);
    } else {
      candidate.score = Math.max(candidate.score, quoted.score);
      candidate.rank = quoted.rank;
      group.members = [candidate];
      group.cohesion = cohesion;
    }
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
  const items: AnswerItem[] = mergeDuplicates(candidates, limit, (candidate) =>
    caches.features.shingles(candidate.passage),
  ).map(({ best, alsoReportedBy }) => ({
    passage: best.passage,
    score: best.score,
    matchedTerms: best.matchedTerms,
    answerSentence: best.answerSentence,
    alsoReportedBy,
  }));
  return { question, confidence, items };
}

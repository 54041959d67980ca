import type { Passage } from "../passages/passage.js";
import { inverseDocumentFrequency, type PassageIndex } from "../search/passage-index.js";
import { coverageScorer, findCandidates, MIN_COVERAGE } from "../search/search-passages.js";
import type { Answer, AnswerItem } from "./answer.js";
import { type AnswerType, detectAnswerType } from "./answer-type.js";
import { mergeDuplicates } from "./merge-duplicates.js";
import { PassageFeatureCache } from "./passage-features.js";
import { typeEvidence } from "./type-evidence.js";

export interface AnswerOptions {
  /** How many passages an answer holds at most. */
  limit?: number;
  /** Below this share of the question's information, a passage is not shown. */
  minCoverage?: number;
  /**
   * Below this share, a passage is shown only if it holds an answer of the kind the question asks
   * for (when the question asks for a kind).
   */
  minCoverageWithoutEvidence?: number;
  /** Says how strongly a sentence holds an answer of the expected type, 0–1. */
  evidence?: EvidenceFn;
}

export type EvidenceFn = typeof typeEvidence;

/** Lexical hits reranked per question: enough to find the answer, few enough to stay fast. */
const CANDIDATE_POOL = 20;
/**
 * Two weak signals do not make a strong one: a passage that matches little of the question (one
 * rare word of two) and holds no answer of the kind asked for is a coincidence ("what is the
 * capital of France" meeting "Agence France-Presse"). Calibrated on the project's question set:
 * from 0.55 to 1 no answerable question lost its answer and no off-topic one kept a result; 0.6
 * leaves the most room for a real answer that the type rules miss. See README, "Measured quality".
 */
export const MIN_COVERAGE_WITHOUT_EVIDENCE = 0.6;
/** How much an answer of the expected type can lift a passage: up to double its lexical score. */
const TYPE_WEIGHT = 1;

interface Candidate {
  passage: Passage;
  score: number;
  matchedTerms: string[];
  answerSentence: number;
  rank: number;
}

/** One feature cache per index: features depend only on the passages, which an index never changes. */
const featureCaches = new WeakMap<PassageIndex, PassageFeatureCache>();

function featuresOf(index: PassageIndex): PassageFeatureCache {
  let cache = featureCaches.get(index);
  if (!cache) {
    cache = new PassageFeatureCache();
    featureCaches.set(index, cache);
  }
  return cache;
}

/** Picks the sentence that best answers: most question information, lifted by type evidence. */
export function chooseAnswerSentence(
  index: PassageIndex,
  passage: Passage,
  matchedTerms: readonly string[],
  type: AnswerType | null,
  evidenceOf: EvidenceFn = typeEvidence,
): { sentence: number; evidence: number } {
  const terms = new Set(matchedTerms);
  let best = { sentence: 0, evidence: 0, weight: -1 };
  const { sentences } = featuresOf(index).get(passage);
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

/**
 * Answers a question from the corpus, quoting only: lexical candidates from MiniSearch, kept when
 * they cover enough of the question, reranked by whether they hold the kind of answer the question
 * asks for, with near-duplicates from several outlets merged into one result.
 */
export function answerQuestion(
  index: PassageIndex,
  question: string,
  options: AnswerOptions = {},
): Answer {
  const {
    limit = 3,
    minCoverage = MIN_COVERAGE,
    minCoverageWithoutEvidence = MIN_COVERAGE_WITHOUT_EVIDENCE,
    evidence: evidenceOf = typeEvidence,
  } = options;
  const { terms, hits } = findCandidates(index, question);
  const type = detectAnswerType(question);
  const topScore = hits[0]?.score ?? 0;
  const coverageOf = coverageScorer(index, terms);
  const candidates: Candidate[] = [];
  for (const hit of hits) {
    if (candidates.length === CANDIDATE_POOL) break;
    const coverage = coverageOf(hit);
    const passage = index.passages[hit.id as number];
    if (coverage < minCoverage || !passage) continue;
    const { sentence, evidence } = chooseAnswerSentence(
      index,
      passage,
      hit.terms,
      type,
      evidenceOf,
    );
    if (type && evidence === 0 && coverage < minCoverageWithoutEvidence) continue;
    const lexical = (hit.score / topScore) * coverage;
    candidates.push({
      passage,
      score: lexical * (1 + TYPE_WEIGHT * evidence),
      matchedTerms: hit.terms,
      answerSentence: sentence,
      rank: candidates.length,
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.rank - b.rank);
  const items: AnswerItem[] = mergeDuplicates(
    candidates,
    limit,
    (candidate) => featuresOf(index).get(candidate.passage).shingles,
  ).map(({ best, alsoReportedBy }) => ({
    passage: best.passage,
    score: best.score,
    matchedTerms: best.matchedTerms,
    answerSentence: best.answerSentence,
    alsoReportedBy,
  }));
  return { question, items };
}

import type { Confidence } from "./answer.js";

// Whether to answer is decided apart from ranking, from two signals of the best passage, both
// interpretable and both calibrated on the tuning split (docs/quality.md):
// - information: how much of what is specific in the question the passage matches, counted in
//   "rare words" (the inverse document frequency of each matched question term, over that of a
//   term found in 1% of the passages, or in one on a corpus of 100 or fewer; see
//   informationScorer). Words the articles lack count nothing here, so chat around a
//   question ("for the explainer I'm writing") does not sink it; and a question whose only match
//   is a word found everywhere in the articles ("russia", "moscow") has little information.
// - coverage: the share of the question's information the passage matches, where words the
//   articles lack do count (less when they are everyday English).
// And a veto: a question asking "how many" or "when" is not answered by a passage with no number
// or date in it.

export interface ReplySignals {
  /** Matched question terms, in rare words (see informationScorer), at most one a term. */
  information: number;
  /** Share of the question's information matched, 0–1. */
  coverage: number;
  /**
   * For a question that asks for a number or a date ("how many", "when"): whether the passage
   * holds one. Undefined for other questions, where the rules that find an answer's kind are
   * less sure (a "who" question's answer may be a pronoun).
   */
  holdsAnswerKind?: boolean;
}

export interface ReplyThresholds {
  /** From this much information the passage answers, whatever the coverage. */
  answerInformation: number;
  /** Or: a passage covering this much of the question, with at least `minInformation`. */
  answerCoverage: number;
  minInformation: number;
  /** Confident from this much information and `confidentCoverage` coverage. */
  confidentInformation: number;
  confidentCoverage: number;
}

/**
 * Calibrated on the tuning split: the setting that answered most tuning questions right while
 * answering no off-topic one (sweep in docs/quality.md).
 */
export const REPLY_THRESHOLDS: ReplyThresholds = {
  answerInformation: 1.1,
  answerCoverage: 0.75,
  minInformation: 0.2,
  confidentInformation: 1.5,
  confidentCoverage: 0.5,
};

/**
 * The kind of reply the best passage earns: confident, tentative (shown, marked as maybe not
 * answering) or none (the articles do not say).
 */
export function replyKind(
  signals: ReplySignals | null,
  thresholds: ReplyThresholds = REPLY_THRESHOLDS,
): Confidence {
  if (!signals || signals.holdsAnswerKind === false) return "none";
  const { information, coverage } = signals;
  const answers =
    information >= thresholds.answerInformation ||
    (information >= thresholds.minInformation && coverage >= thresholds.answerCoverage);
  if (!answers) return "none";
  const confident =
    (information >= thresholds.confidentInformation && coverage >= thresholds.confidentCoverage) ||
    coverage >= thresholds.answerCoverage;
  return confident ? "confident" : "tentative";
}

import type { Confidence } from "./answer.js";

// Whether to answer is decided apart from ranking, from three signals of the best passage, all
// interpretable and both calibrated on the tuning split (docs/quality.md):
// - information: how much of what is specific in the question the passage matches, counted in
//   "rare words" (the inverse document frequency of each matched question term, over that of a
//   term found in 1% of the passages, or in one on a corpus of 100 or fewer; see
//   informationScorer). Words the articles lack count nothing here, so chat around a
//   question ("for the explainer I'm writing") does not sink it; and a question whose only match
//   is a word found everywhere in the articles ("russia", "moscow") has little information.
// - coverage: the share of the question's information the passage matches, where words the
//   articles lack do count (less when they are everyday English).
// - topical: information again, counting only what says the question is on the story: not
//   everyday English ("world", "today"), not a word the articles use only in the name of who
//   reports ("France" in "Agence France-Presse", a dateline's city).
// And a veto: a question asking "how many" or "when" is not answered by a passage with no number
// or date in it.

export interface ReplySignals {
  /** Matched question terms, in rare words (see informationScorer), at most one a term. */
  information: number;
  /**
   * Matched information that says the question is on the articles' story: as `information`, with
   * each term scaled by its topicality (nothing for everyday English or a word used only in the
   * name of who reports; see topicalityScorer).
   */
  topical?: number;
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
  /** Confident from this much information… */
  confidentInformation: number;
  /** …with this much coverage; */
  confidentCoverage: number;
  /** or with this much coverage (nearly all of a short question)… */
  confidentFullCoverage: number;
  /** …and this much information. */
  confidentFullInformation: number;
  /** Shown as tentative from this much on-topic information (`topical`)… */
  tentativeTopical: number;
  /** …with this much coverage; */
  tentativeCoverage: number;
  /** or from this much information, with `tentativeTopicalFloor` of it on-topic; */
  tentativeInformation: number;
  tentativeTopicalFloor: number;
  /** or from this much information, whatever the coverage; */
  answerInformation: number;
  /** or from this much coverage, with at least `minInformation`; */
  answerCoverage: number;
  minInformation: number;
  /** or from this much on-topic information (a name or a rare word of the story)… */
  relatedTopical: number;
  /** …with this much coverage. */
  relatedCoverage: number;
}

/**
 * Calibrated on the tuning split (`npm run eval -- --sweep`, docs/quality.md): the setting that
 * shows the right passage for most tuning questions, shows nothing for any off-topic one, and
 * gives the fewest confident replies to unanswerable or wrongly answered ones.
 */
export const REPLY_THRESHOLDS: ReplyThresholds = {
  confidentInformation: 2.2,
  confidentCoverage: 0.7,
  confidentFullCoverage: 0.85,
  confidentFullInformation: 1,
  tentativeTopical: 0.2,
  tentativeCoverage: 0.5,
  tentativeInformation: 1.1,
  tentativeTopicalFloor: 0.3,
  answerInformation: 1.1,
  answerCoverage: 0.75,
  minInformation: 0.2,
  relatedTopical: 0.7,
  relatedCoverage: 0.25,
};

/**
 * The kind of reply the best passage earns: confident (strong evidence: much of what is specific
 * in the question, and most of the question), tentative (the question is on the story and the
 * passages are the closest, shown as maybe not answering it) or none (nothing relates to it).
 */
export function confidenceOf(
  signals: ReplySignals | null,
  thresholds: ReplyThresholds = REPLY_THRESHOLDS,
): Confidence {
  if (!signals || signals.holdsAnswerKind === false) return "none";
  const { information, coverage } = signals;
  const topical = signals.topical ?? information;
  if (
    (information >= thresholds.confidentInformation && coverage >= thresholds.confidentCoverage) ||
    (information >= thresholds.confidentFullInformation &&
      coverage >= thresholds.confidentFullCoverage)
  )
    return "confident";
  const related =
    (topical >= thresholds.tentativeTopical && coverage >= thresholds.tentativeCoverage) ||
    (information >= thresholds.tentativeInformation &&
      topical >= thresholds.tentativeTopicalFloor) ||
    information >= thresholds.answerInformation ||
    (information >= thresholds.minInformation && coverage >= thresholds.answerCoverage) ||
    // A question on the story whose wording the passages share only in part ("are russian bases
    // on high alert"): the closest passages are worth showing as maybe answering it.
    (topical >= thresholds.relatedTopical && coverage >= thresholds.relatedCoverage);
  return related ? "tentative" : "none";
}

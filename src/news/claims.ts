import { contentStems } from "./content-stems.js";

/** A sentence as claim matching sees it: its content stems and the stems of what it quotes. */
export interface ClaimText {
  stems: ReadonlySet<string>;
  quoted: ReadonlySet<string>;
}

/**
 * Two sentences carry the same claim when the informative words they share make up at least this
 * share of the shorter one's information. Calibrated on the project's corpus and the fixtures:
 * reworded reports of one statement score 0.45–0.8, sentences that only share the story's
 * topic words stay under 0.4.
 */
export const SAME_CLAIM = 0.5;
/** Quoted words shared for two quotes to be one: a repeated quote is the surest sign of a claim. */
export const SAME_QUOTE = 0.6;
/** At least this many content words in common, so two short sentences do not meet on one word. */
export const MIN_SHARED = 3;

const QUOTE = /[“"]([^”"]{8,})[”"]/g;

/** Reads a sentence for claim matching. */
export function claimText(sentence: string): ClaimText {
  const quoted = new Set<string>();
  for (const match of sentence.matchAll(QUOTE)) {
    for (const stem of contentStems(match[1] ?? "")) quoted.add(stem);
  }
  return { stems: contentStems(sentence), quoted };
}

/** Inverse sentence frequency of each stem: rare words say more about which claim a sentence makes. */
export function stemWeights(texts: readonly ClaimText[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const text of texts) {
    for (const stem of text.stems) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
  }
  const weights = new Map<string, number>();
  for (const [stem, count] of frequency) weights.set(stem, Math.log(1 + texts.length / count));
  return weights;
}

function overlap(
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
  weights: ReadonlyMap<string, number>,
) {
  let shared = 0;
  let count = 0;
  let totalA = 0;
  let totalB = 0;
  for (const stem of a) {
    const weight = weights.get(stem) ?? 1;
    totalA += weight;
    if (b.has(stem)) {
      shared += weight;
      count++;
    }
  }
  for (const stem of b) totalB += weights.get(stem) ?? 1;
  const smaller = Math.min(totalA, totalB);
  return { share: smaller === 0 ? 0 : shared / smaller, count };
}

/**
 * How surely two sentences make the same claim, 0–1: the weighted share of content words they
 * share, or of quoted words where both quote. Beyond copied text: "Putin personally granted
 * asylum" and "the decision to grant asylum was made by Putin" meet on their stems.
 */
export function claimSimilarity(
  a: ClaimText,
  b: ClaimText,
  weights: ReadonlyMap<string, number>,
): number {
  const words = overlap(a.stems, b.stems, weights);
  const wordScore = words.count >= MIN_SHARED ? words.share : 0;
  if (a.quoted.size === 0 || b.quoted.size === 0) return wordScore;
  const quotes = overlap(a.quoted, b.quoted, weights);
  const quoteScore = quotes.count >= MIN_SHARED && quotes.share >= SAME_QUOTE ? quotes.share : 0;
  return Math.max(wordScore, quoteScore);
}

/** True when two sentences make the same claim. */
export function sameClaim(
  a: ClaimText,
  b: ClaimText,
  weights: ReadonlyMap<string, number>,
): boolean {
  return claimSimilarity(a, b, weights) >= SAME_CLAIM;
}

import type { PassageFeatures } from "./passage-features.js";

/**
 * How well an answer sentence sits in its passage, 0–1: the share of the passage's other sentences
 * that share a word (not a stop word) with it. A news passage's sentences hang together around who
 * and what they report; the same sentence pasted among unrelated ones (a quote reused in a roundup,
 * a digest, a page of links) shares little with its neighbours. Among passages holding the same
 * answer sentence, the one whose context hangs together is the better one to quote. A passage of
 * one sentence has no context to judge: 0.
 */
export function cohesionOf(features: PassageFeatures, sentence: number): number {
  const others = features.sentences.length - 1;
  const answer = features.sentences[sentence];
  if (others <= 0 || !answer) return 0;
  const words = new Set<string>();
  for (const term of answer.terms) if (term !== null) words.add(term);
  let linked = 0;
  features.sentences.forEach((other, i) => {
    if (i !== sentence && other.terms.some((term) => term !== null && words.has(term))) linked++;
  });
  return linked / others;
}

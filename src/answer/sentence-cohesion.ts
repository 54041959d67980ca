import type { PassageFeatures } from "./passage-features.js";

/**
 * How well an answer sentence sits in its passage: the words (not stop words) each other sentence
 * shares with it, each weighed by `weight` (how telling it is: a rare word more than one found
 * everywhere), on average over the other sentences. A news passage's sentences hang together
 * around who and what they report; the same sentence pasted among unrelated ones (a quote reused
 * in a roundup, a digest, a page of links) shares little with its neighbours. Among passages
 * holding the same answer sentence, the one whose context hangs together is the better one to
 * quote. A passage of one sentence has no context to judge: 0.
 */
export function cohesionOf(
  features: PassageFeatures,
  sentence: number,
  weight: (term: string) => number = () => 1,
): number {
  const others = features.sentences.length - 1;
  const answer = features.sentences[sentence];
  if (others <= 0 || !answer) return 0;
  const words = new Set<string>();
  for (const term of answer.terms) if (term !== null) words.add(term);
  let shared = 0;
  features.sentences.forEach((other, i) => {
    if (i === sentence) return;
    const found = new Set<string>();
    for (const term of other.terms) if (term !== null && words.has(term)) found.add(term);
    for (const term of found) shared += weight(term);
  });
  return shared / others;
}

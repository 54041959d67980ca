import type { TermCountSource } from "../search/term-counts.js";
import type { PassageFeatures, SentenceFeatures } from "./passage-features.js";

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

/**
 * `cohesionOf` one sentence in any passage that holds it, from how many times each of its words
 * occurs in the passage (`counts`) instead of from the other sentences' words: an occurrence
 * outside the sentence is one other sentence holding the word, at most as many as there are. The
 * same as `cohesionOf` unless another sentence repeats one of its words, and it reads no text: a
 * sentence copied into hundreds of passages is judged in each of them by a few lookups, where
 * tokenising them would cost the most of what answering a question does at 100k passages.
 */
export function cohesionAcross(
  answer: SentenceFeatures,
  counts: TermCountSource,
  weight: (term: string) => number = () => 1,
): (passage: number, sentences: number) => number {
  const inAnswer = new Map<string, number>();
  for (const term of answer.terms)
    if (term !== null) inAnswer.set(term, (inAnswer.get(term) ?? 0) + 1);
  const postings: ReadonlyMap<number, number>[] = [];
  const countsHere: number[] = [];
  const weights: number[] = [];
  for (const [term, count] of inAnswer) {
    const found = counts.postingsOf(term);
    if (!found) continue;
    postings.push(found);
    countsHere.push(count);
    weights.push(weight(term));
  }
  return (passage, sentences) => {
    const others = sentences - 1;
    if (others <= 0) return 0;
    const key = counts.keyOf(passage);
    let shared = 0;
    for (let i = 0; i < postings.length; i++) {
      const elsewhere =
        ((postings[i] as ReadonlyMap<number, number>).get(key) ?? 0) - (countsHere[i] as number);
      if (elsewhere > 0) shared += (weights[i] as number) * Math.min(others, elsewhere);
    }
    return shared / others;
  };
}

import type { TermCountSource } from "../search/term-counts.js";
import type { PassageFeatures, SentenceFeatures } from "./passage-features.js";

/**
 * How well an answer sentence sits in its passage: the words (not stop words) each other sentence
 * shares with it, each weighed by `weight` (how telling it is: a rare word more than one found
 * everywhere), on average over the other sentences. A news passage's sentences hang together
 * around who and what they report; the same sentence pasted among unrelated ones (a quote reused
 * in a roundup, a digest, a page of links) shares little with its neighbours. Among passages
 * holding the same answer sentence, the one whose context hangs together is the better one to
 * quote. A passage of one sentence has no context to judge: 0. Answering reads the same from the
 * index's term counts (`cohesionAcross`); this, from the sentences' own words, is the reference
 * that is tested against.
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
): (passage: number, sentences: number, floor?: number) => number {
  const inAnswer = new Map<string, number>();
  for (const term of answer.terms)
    if (term !== null) inAnswer.set(term, (inAnswer.get(term) ?? 0) + 1);
  const words: { postings: ReadonlyMap<number, number>; count: number; weight: number }[] = [];
  for (const [term, count] of inAnswer) {
    const postings = counts.postingsOf(term);
    if (postings) words.push({ postings, count, weight: weight(term) });
  }
  // Heaviest first, so that a passage that cannot pass a floor is known to early.
  words.sort((a, b) => b.weight - a.weight);
  const postings = words.map((w) => w.postings);
  const countsHere = words.map((w) => w.count);
  const weights = words.map((w) => w.weight);
  let total = 0;
  for (const w of weights) total += w;
  // With `floor`, a passage whose cohesion cannot be above it may get any value up to it: the
  // words left unread could add at most their weight each.
  return (passage, sentences, floor = Number.NEGATIVE_INFINITY) => {
    const others = sentences - 1;
    if (others <= 0) return 0;
    if (total <= floor) return total;
    const key = counts.keyOf(passage);
    let shared = 0;
    let left = total;
    for (let i = 0; i < postings.length; i++) {
      const found = (postings[i] as ReadonlyMap<number, number>).get(key) ?? 0;
      const elsewhere = found - (countsHere[i] as number);
      const w = weights[i] as number;
      if (elsewhere > 0) shared += w * Math.min(others, elsewhere);
      left -= w;
      if (shared / others + left <= floor) return shared / others + left;
    }
    return shared / others;
  };
}

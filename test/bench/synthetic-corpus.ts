import type { Passage } from "../../src/passages/passage.js";

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` passages made by recombining the real corpus's sentences, 1 to 3 each, with the source
 * of the article each first sentence came from. Vocabulary stays the corpus's own, so every term
 * is common: a hard case for search, as a corpus of many articles on one event is.
 */
export function syntheticPassages(base: readonly Passage[], count: number, seed = 42): Passage[] {
  const random = seededRandom(seed);
  const pool = base.flatMap((passage) =>
    passage.sentences.map((sentence) => ({ sentence, passage })),
  );
  const passages: Passage[] = [];
  for (let i = 0; i < count; i++) {
    const size = 1 + Math.floor(random() * 3);
    const picks = Array.from({ length: size }, () => pool[Math.floor(random() * pool.length)]);
    const source = picks[0]?.passage;
    if (!source) throw new Error("syntheticPassages: the base corpus has no sentences");
    const sentences = picks.map((pick) => pick?.sentence ?? "");
    passages.push({
      ...source,
      id: `synthetic-${i}`,
      articleId: `synthetic-article-${Math.floor(i / 12)}`,
      position: i % 12,
      sentences,
      text: sentences.join(" "),
    });
  }
  return passages;
}

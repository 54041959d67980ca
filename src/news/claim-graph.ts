import { type ClaimText, MIN_SHARED, SAME_CLAIM, SAME_QUOTE } from "./claims.js";

/** Posting lists longer than this are topic words: they find no useful claim pairs. */
const MAX_POSTINGS = 300;
/** Texts compared in full with each text: those sharing the most rare words. */
const MAX_CANDIDATES = 100;

/** A claim with its stems as sorted ids, and the weight of each list, for fast comparison. */
interface IdClaim {
  stems: Int32Array;
  quoted: Int32Array;
  stemWeight: number;
  quotedWeight: number;
}

/** Shared weight and count of two sorted id lists (see `overlap` in claims.ts). */
function shared(a: Int32Array, b: Int32Array, weights: Float64Array): [number, number] {
  let weight = 0;
  let count = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      weight += weights[x] as number;
      count++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return [weight, count];
}

/** `claimSimilarity` ≥ SAME_CLAIM, on id lists. */
function similar(a: IdClaim, b: IdClaim, weights: Float64Array): boolean {
  const [words, wordCount] = shared(a.stems, b.stems, weights);
  const smaller = Math.min(a.stemWeight, b.stemWeight);
  if (wordCount >= MIN_SHARED && smaller > 0 && words / smaller >= SAME_CLAIM) return true;
  if (a.quoted.length === 0 || b.quoted.length === 0) return false;
  const [quotes, quoteCount] = shared(a.quoted, b.quoted, weights);
  const smallerQuote = Math.min(a.quotedWeight, b.quotedWeight);
  if (quoteCount < MIN_SHARED || smallerQuote === 0) return false;
  const share = quotes / smallerQuote;
  return share >= SAME_QUOTE && share >= SAME_CLAIM;
}

/**
 * Which texts make the same claim (`claimSimilarity` ≥ SAME_CLAIM), without comparing every pair:
 * each text is compared only with the texts sharing most of its rarer words (an inverted index
 * over the words, topic words left out), at most MAX_CANDIDATES of them, and only with texts that
 * share at least MIN_SHARED such words, since fewer shared words never make one claim. The work
 * is bounded by the postings (each at most MAX_POSTINGS long) times the texts: linear in the corpus.
 *
 * Returns, for each text, the texts making the same claim in ascending order, itself included when
 * it makes a claim at all (a text of too few words matches nothing, not even itself).
 */
export function sameClaimGraph(
  claims: readonly ClaimText[],
  weights: ReadonlyMap<string, number>,
): number[][] {
  const ids = new Map<string, number>();
  const idOf = (stem: string) => {
    let id = ids.get(stem);
    if (id === undefined) {
      id = ids.size;
      ids.set(stem, id);
    }
    return id;
  };
  const toIds = (stems: ReadonlySet<string>) => Int32Array.from(stems, idOf).sort();
  const texts = claims.map((claim) => ({ stems: toIds(claim.stems), quoted: toIds(claim.quoted) }));
  const weightOf = new Float64Array(ids.size).fill(1);
  for (const [stem, id] of ids) weightOf[id] = weights.get(stem) ?? 1;
  const total = (list: Int32Array) => list.reduce((sum, id) => sum + (weightOf[id] as number), 0);
  const idClaims: IdClaim[] = texts.map(({ stems, quoted }) => ({
    stems,
    quoted,
    stemWeight: total(stems),
    quotedWeight: total(quoted),
  }));

  const postings: number[][] = Array.from({ length: ids.size }, () => []);
  texts.forEach(({ stems }, i) => {
    for (const id of stems) (postings[id] as number[]).push(i);
  });
  const same = claims.map(() => new Set<number>());
  // Rare words shared with the text at hand, counted per other text and reset after each text.
  const count = new Uint32Array(claims.length);
  const touched: number[] = [];
  idClaims.forEach((claim, i) => {
    const self = same[i] as Set<number>;
    if (claim.stems.length >= MIN_SHARED) self.add(i);
    let most = 0;
    for (const id of claim.stems) {
      const list = postings[id] as number[];
      if (list.length > MAX_POSTINGS) continue;
      for (const j of list) {
        if (j === i) continue;
        if (count[j] === 0) touched.push(j);
        const n = (count[j] as number) + 1;
        count[j] = n;
        if (n > most) most = n;
      }
    }
    // The most shared first, then corpus order: a counting sort by the number of words shared.
    const byCount: number[][] = Array.from({ length: most + 1 }, () => []);
    for (const j of touched)
      if ((count[j] as number) >= MIN_SHARED) byCount[count[j] as number]?.push(j);
    let compared = 0;
    for (let n = most; n >= MIN_SHARED && compared < MAX_CANDIDATES; n--) {
      const group = (byCount[n] as number[]).sort((a, b) => a - b);
      for (const j of group) {
        if (compared === MAX_CANDIDATES) break;
        compared++;
        if (self.has(j)) continue;
        if (similar(claim, idClaims[j] as IdClaim, weightOf)) {
          self.add(j);
          (same[j] as Set<number>).add(i);
        }
      }
    }
    for (const j of touched) count[j] = 0;
    touched.length = 0;
  });
  return same.map((set) => [...set].sort((a, b) => a - b));
}

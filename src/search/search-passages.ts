import type { SearchResult as MiniSearchHit } from "minisearch";
import { specificity } from "../text/english-frequency.js";
import { FIELD_BOOSTS, fuzzyDistance, queryWordsOf, termWeight, usePrefix } from "../text/terms.js";
import type { PassageIndex } from "./passage-index.js";

/** Only this much of a question is read: enough for any real question, and it bounds the work. */
export const MAX_QUESTION_CHARS = 500;

/** How many candidates rare terms find, at most. */
const RESCORE_POOL = 300;
/**
 * At most this many candidates get the terms their champion lists left out looked up: those that
 * could still rank among the best RESCORE_POOL, highest bound first.
 */
const MAX_RECHECK = 300;
/**
 * The best this many candidates of a large corpus are scored exactly (every term they hold
 * counted); the rest of the RESCORE_POOL may lack a term their champion list left out. Answering
 * reads the first 20 that cover the question.
 */
const EXACT_POOL = 100;
/** At most this many index terms stand in for one misspelled or partial query term. */
const MAX_EXPANSIONS = 8;
// MiniSearch's own weights for fuzzy and prefix matches, used alike when expanding by hand.
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;

const identity = (term: string) => term;
const splitOnSpace = (text: string) => text.split(" ");

/** One index term a query term is searched as, and what it counts for. */
interface SearchTerm {
  term: string;
  queryTerm: string;
  weight: number;
  /** Read at most this many of the term's best postings (default: its whole champion list). */
  depth?: number;
}

/** A candidate passage: the shape of a MiniSearch hit, so both search paths meet downstream. */
type Hit = Pick<MiniSearchHit, "id" | "score" | "terms" | "queryTerms">;

/**
 * Each query term as the index terms it is searched as: itself when the index knows it, else its
 * fuzzy and prefix neighbours in the vocabulary, weighted down as MiniSearch weighs them.
 */
function expandTerms(
  index: PassageIndex,
  terms: readonly string[],
  boost: (term: string) => number,
): SearchTerm[] {
  const expanded: SearchTerm[] = [];
  for (const queryTerm of terms) {
    const base = termWeight(queryTerm) * boost(queryTerm);
    if (index.vocabulary.has(queryTerm)) {
      expanded.push({ term: queryTerm, queryTerm, weight: base });
      continue;
    }
    const neighbours = new Map<string, number>();
    const distance = fuzzyDistance(queryTerm, false);
    if (distance !== false) {
      for (const [term, [, edits]] of index.vocabulary.fuzzyGet(queryTerm, distance)) {
        neighbours.set(term, (FUZZY_WEIGHT * term.length) / (term.length + edits));
      }
    }
    if (usePrefix(queryTerm, false)) {
      for (const term of index.vocabulary.atPrefix(queryTerm).keys()) {
        const weight = (PREFIX_WEIGHT * queryTerm.length) / term.length;
        neighbours.set(term, Math.max(weight, neighbours.get(term) ?? 0));
      }
    }
    [...neighbours]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_EXPANSIONS)
      .forEach(([term, weight]) => {
        expanded.push({ term, queryTerm, weight: weight * base });
      });
  }
  return expanded;
}

/** MiniSearch over the whole index: for small corpora and rare terms. */
function searchTerms(
  index: PassageIndex,
  terms: readonly string[],
  expansionTerms: ReadonlySet<string>,
  boost: (term: string) => number,
): MiniSearchHit[] {
  // Looked up once per question, and fuzzy and prefix matching left off entirely when every term
  // is known: the common case, where MiniSearch then has nothing to expand.
  const unknown = new Set(terms.filter((term) => !index.vocabulary.has(term)));
  const weightOf = (term: string) =>
    termWeight(term) * (expansionTerms.has(term) ? EXPANSION_WEIGHT : boost(term));
  return index.miniSearch.search([...terms, ...expansionTerms].join(" "), {
    // The terms are processed already: search them as they are.
    tokenize: splitOnSpace,
    processTerm: identity,
    boost: FIELD_BOOSTS,
    combineWith: "OR",
    fuzzy: unknown.size > 0 && ((term) => fuzzyDistance(term, !unknown.has(term))),
    prefix: unknown.size > 0 && ((term) => usePrefix(term, !unknown.has(term))),
    boostTerm: weightOf,
  });
}

/**
 * Score and term-mask accumulators for every passage (reset after each search), and buffers for
 * per-candidate bounds.
 */
interface Scratch {
  scores: Float64Array;
  masks: Int32Array;
  lower: Float64Array;
  upper: Float64Array;
  final: Float64Array;
  select: Float64Array;
  rechecked: Uint8Array;
  /** The passages a question's lists reached, in the order reached, and those to recheck. */
  touched: Int32Array;
  recheck: Int32Array;
}

/**
 * The search's accumulators, kept by whoever serves an index (answer/index-caches.ts) and reused by
 * every question: allocating them per question put megabytes of typed arrays on the collector each
 * time, and its pauses were the slowest questions' time.
 */
export class SearchScratch {
  private scratch: Scratch | undefined;

  /** The accumulators for an index of `passages` passages, made anew only when that changes. */
  sizedFor(passages: number): Scratch {
    if (this.scratch?.scores.length !== passages) {
      this.scratch = {
        scores: new Float64Array(passages),
        masks: new Int32Array(passages),
        lower: new Float64Array(passages),
        upper: new Float64Array(passages),
        final: new Float64Array(passages),
        select: new Float64Array(passages),
        rechecked: new Uint8Array(passages),
        touched: new Int32Array(passages),
        recheck: new Int32Array(passages),
      };
    }
    return this.scratch;
  }
}

/**
 * The value `rank` places from the top of `values` (-Infinity when there are fewer), by
 * quickselect on a copy in `buffer`: linear time, where sorting tens of thousands would not be.
 */
function valueAtRank(values: Float64Array, rank: number, buffer: Float64Array): number {
  if (values.length <= rank) return Number.NEGATIVE_INFINITY;
  const a = buffer.subarray(0, values.length);
  a.set(values);
  const k = a.length - 1 - rank;
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k] as number;
  }
  return a[k] as number;
}

/** The `size` largest numbers pushed, smallest on top. */
class MinHeap {
  private readonly values: number[] = [];
  constructor(private readonly size: number) {}

  get full(): boolean {
    return this.values.length === this.size;
  }

  get min(): number {
    return this.values[0] ?? Number.NEGATIVE_INFINITY;
  }

  push(value: number): void {
    const v = this.values;
    if (v.length < this.size) {
      v.push(value);
      for (let i = v.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if ((v[parent] as number) <= value) break;
        v[i] = v[parent] as number;
        v[parent] = value;
        i = parent;
      }
    } else if (value > (v[0] as number)) {
      v[0] = value;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        let smallest = i;
        if (left < v.length && (v[left] as number) < (v[smallest] as number)) smallest = left;
        if (left + 1 < v.length && (v[left + 1] as number) < (v[smallest] as number))
          smallest = left + 1;
        if (smallest === i) break;
        [v[i], v[smallest]] = [v[smallest] as number, v[i] as number];
        i = smallest;
      }
    }
  }
}

function popCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * For large corpora, MiniSearch's scoring without its walk over whole posting lists: each term's
 * champion list (its best postings, with their BM25+ impact) is read, a passage's score is the sum
 * of its terms' impacts times how many of the question's terms it matched, as MiniSearch scores.
 * A list cut short leaves out passages where its term weighs at most its last impact; the
 * candidates that could still reach the best RESCORE_POOL with it (an upper bound, as in MaxScore)
 * get their missing terms' impacts looked up exactly.
 */
function searchWithChampions(
  index: PassageIndex,
  searched: readonly SearchTerm[],
  scratch: SearchScratch,
): Hit[] {
  const terms = searched.slice(0, 31);
  const lists = terms.map((t) => index.championLists.get(t.term));
  const queryBit = new Map<string, number>();
  for (const t of terms)
    if (!queryBit.has(t.queryTerm)) queryBit.set(t.queryTerm, 1 << queryBit.size);
  const queryBitOf = terms.map((t) => queryBit.get(t.queryTerm) as number);
  // How many of the question's terms a mask of search terms matched: MiniSearch's multiplier.
  // When every search term is its own question term (no misspelling, no synonym) it is the mask's;
  // otherwise each byte of the mask is mapped to its question terms by a table made once here, as
  // it is asked for every candidate, several times.
  let matchedQueryTerms = popCount;
  if (queryBit.size !== terms.length) {
    const byByte = Array.from({ length: 4 }, (_, byte) =>
      Int32Array.from({ length: 256 }, (_, bits) => {
        let q = 0;
        for (let i = 0; i < 8; i++) if (bits & (1 << i)) q |= queryBitOf[byte * 8 + i] ?? 0;
        return q;
      }),
    ) as [Int32Array, Int32Array, Int32Array, Int32Array];
    matchedQueryTerms = (mask: number) =>
      popCount(
        (byByte[0][mask & 0xff] as number) |
          (byByte[1][(mask >>> 8) & 0xff] as number) |
          (byByte[2][(mask >>> 16) & 0xff] as number) |
          (byByte[3][mask >>> 24] as number),
      );
  }
  const {
    scores,
    masks,
    lower: lowerAll,
    upper,
    final: finalAll,
    select,
    rechecked,
    touched: touchedAll,
    recheck: recheckAll,
  } = scratch.sizedFor(index.passages.length);
  let reached = 0;
  for (let i = 0; i < terms.length; i++) {
    const list = lists[i];
    if (!list) continue;
    const bit = 1 << i;
    const weight = (terms[i] as SearchTerm).weight;
    const { ids, impacts } = list;
    const depth = Math.min(ids.length, (terms[i] as SearchTerm).depth ?? ids.length);
    for (let j = 0; j < depth; j++) {
      const id = ids[j] as number;
      const mask = masks[id] as number;
      if (mask === 0) touchedAll[reached++] = id;
      scores[id] = (scores[id] as number) + weight * (impacts[j] as number);
      masks[id] = mask | bit;
    }
  }

  const touched = touchedAll.subarray(0, reached);

  // Terms whose list was cut short, and the most each adds to a passage left out of it.
  const partial = terms.flatMap((t, i) => {
    const list = lists[i];
    const depth = Math.min(list?.ids.length ?? 0, t.depth ?? Number.POSITIVE_INFINITY);
    if (!list || list.ids.length === 0 || (list.complete && depth === list.ids.length)) return [];
    // A term read to some depth adds at most the impact there; one not read at all, its best.
    const floor = t.weight * (list.impacts[Math.max(0, depth - 1)] as number);
    return [
      { i, bit: 1 << i, floor, weight: t.weight, impactOf: index.championLists.impactOf(t.term) },
    ];
  });
  if (partial.length > 0) {
    const lower = lowerAll.subarray(0, touched.length);
    for (let k = 0; k < touched.length; k++) {
      const id = touched[k] as number;
      lower[k] = (scores[id] as number) * matchedQueryTerms(masks[id] as number);
    }
    const threshold = valueAtRank(lower, EXACT_POOL - 1, select);
    // Candidates (by their place in `touched`) that could pass the threshold with the terms their
    // lists left out, and that bound.
    let bounded = 0;
    for (let k = 0; k < touched.length; k++) {
      const id = touched[k] as number;
      const mask = masks[id] as number;
      let missing = 0;
      let score = scores[id] as number;
      for (const p of partial) {
        if (mask & p.bit) continue;
        missing |= p.bit;
        score += p.floor;
      }
      if (missing === 0) continue;
      const bound = score * matchedQueryTerms(mask | missing);
      upper[k] = bound;
      if (bound > threshold) recheckAll[bounded++] = k;
    }
    let recheck: number[] = [];
    if (bounded > MAX_RECHECK) {
      const bounds = finalAll.subarray(0, bounded);
      for (let r = 0; r < bounded; r++) bounds[r] = upper[recheckAll[r] as number] as number;
      const cut = valueAtRank(bounds, MAX_RECHECK - 1, select);
      for (let r = 0; r < bounded && recheck.length < MAX_RECHECK; r++) {
        const k = recheckAll[r] as number;
        if ((upper[k] as number) >= cut) recheck.push(k);
      }
    } else recheck = Array.from(recheckAll.subarray(0, bounded));
    recheck.sort((x, y) => (upper[y] as number) - (upper[x] as number));
    // Highest bound first; stop once no bound can pass the EXACT_POOL-th best score known. The
    // scores known are the lower bounds of the candidates not rechecked, and exact ones after.
    rechecked.fill(0, 0, touched.length);
    for (const k of recheck) rechecked[k] = 1;
    const known = new MinHeap(EXACT_POOL);
    for (let k = 0; k < touched.length; k++) if (rechecked[k] === 0) known.push(lower[k] as number);
    // Each candidate's missing terms are looked up likeliest-to-matter first (highest floor), and
    // its bound is tightened as they are: once it cannot pass the EXACT_POOL-th best, the rest
    // are not looked up. Its score stays a lower bound, as for the candidates never rechecked.
    const byFloor = [...partial].sort((a, b) => b.floor - a.floor);
    for (const k of recheck) {
      if (known.full && (upper[k] as number) <= known.min) break;
      const id = touched[k] as number;
      let mask = masks[id] as number;
      let score = scores[id] as number;
      let missing = 0;
      let pending = 0;
      for (const p of byFloor) {
        if (mask & p.bit) continue;
        missing |= p.bit;
        pending += p.floor;
      }
      let exact = true;
      for (const p of byFloor) {
        if (!(missing & p.bit)) continue;
        missing &= ~p.bit;
        pending -= p.floor;
        const impact = p.impactOf(id);
        if (impact > 0) {
          score += p.weight * impact;
          mask |= p.bit;
        }
        if (
          missing !== 0 &&
          known.full &&
          (score + pending) * matchedQueryTerms(mask | missing) <= known.min
        ) {
          exact = false;
          break;
        }
      }
      scores[id] = score;
      masks[id] = mask;
      if (exact) known.push(score * matchedQueryTerms(mask));
    }
  }

  const final = finalAll.subarray(0, touched.length);
  for (let k = 0; k < touched.length; k++) {
    const id = touched[k] as number;
    final[k] = (scores[id] as number) * matchedQueryTerms(masks[id] as number);
  }
  const cut = valueAtRank(final, RESCORE_POOL - 1, select);
  const best: number[] = [];
  for (let k = 0; k < touched.length; k++) if ((final[k] as number) >= cut) best.push(k);
  best.sort(
    (a, b) =>
      (final[b] as number) - (final[a] as number) ||
      (touched[a] as number) - (touched[b] as number),
  );
  // Hits with the same terms share their lists: most of a question's hits match the same few sets.
  const matchedBy = new Map<number, Pick<Hit, "terms" | "queryTerms">>();
  const hits = best.slice(0, RESCORE_POOL).map((k): Hit => {
    const id = touched[k] as number;
    const mask = masks[id] as number;
    let matched = matchedBy.get(mask);
    if (!matched) {
      const searchedTerms = terms.filter((_, i) => mask & (1 << i));
      matched = {
        terms: [...new Set(searchedTerms.map((t) => t.term))],
        queryTerms: [...new Set(searchedTerms.map((t) => t.queryTerm))],
      };
      matchedBy.set(mask, matched);
    }
    return { id, score: final[k] as number, ...matched };
  });
  for (const id of touched) {
    scores[id] = 0;
    masks[id] = 0;
  }
  return hits;
}

/** Corpus terms that stand in for question terms the corpus lacks (synonyms), by question term. */
export type Expansions = ReadonlyMap<string, readonly string[]>;

/** Finds the expansions of a question's words: passed in, so search stays free of thesauri. */
export type ExpandWords = (index: PassageIndex, words: ReadonlyMap<string, string>) => Expansions;

/** On a large corpus, at most this many of a question's terms read their champion lists. */
const MAX_LISTED_TERMS = 8;
/** On a large corpus, at most this many synonyms and aliases are searched a question. */
const MAX_SUPPORTING_TERMS = 6;
/** …and at most this many of each one's best postings are read. */
const SUPPORTING_DEPTH = 200;

/** A synonym's match counts this much toward a passage's score, relative to the word's own. */
const EXPANSION_WEIGHT = 0.5;

/** What searching an index read without its search terms throws: it would find nothing, silently. */
export const SEARCHLESS_INDEX =
  "search-passages: this index was read without its search terms (withoutSearch); read it whole to search";

/**
 * Finds candidate passages for the question's terms, best first, and the terms searched. `scratch`
 * is the serving index's, reused; without one a large index's search allocates its own.
 */
export function findCandidates(
  index: PassageIndex,
  question: string,
  expand?: ExpandWords,
  scratch: SearchScratch = new SearchScratch(),
): { terms: string[]; words: ReadonlyMap<string, string>; expansions: Expansions; hits: Hit[] } {
  if (index.withoutSearch) throw new Error(SEARCHLESS_INDEX);
  const words = queryWordsOf(question.slice(0, MAX_QUESTION_CHARS));
  const terms = [...words.keys()];
  const expansions: Expansions = expand ? expand(index, words) : new Map();
  if (terms.length === 0) return { terms, words, expansions, hits: [] };
  const expansionTerms = new Set([...expansions.values()].flat().filter((t) => !words.has(t)));
  const boost = (term: string) => specificity(words.get(term) ?? term);
  // A corpus with champion lists is large: expand misspelled terms once, against the vocabulary,
  // and read common terms from their champion lists.
  if (index.championLists.size > 0) {
    // Synonyms and aliases only support the question's own words (see answer/evidence-scores.ts): on a large
    // corpus a question can gain dozens, so the rarest few are searched, and only their best
    // postings, which bounds their work whatever the thesaurus or lexicon holds.
    const df = (term: string) => index.documentFrequency.get(term) ?? 0;
    const supporting = [...expansionTerms]
      .filter((term) => df(term) > 0)
      .sort((a, b) => df(a) - df(b) || (a < b ? -1 : 1))
      .slice(0, MAX_SUPPORTING_TERMS);
    // A long question (a pasted sentence, a list of keywords) is found by its rarest words: only
    // the MAX_LISTED_TERMS rarest read their lists; the others are looked up for the candidates
    // that could rank, so they still count, exactly, where it matters.
    const own = expandTerms(index, terms, boost);
    const listed = new Set(
      [...own]
        .sort((a, b) => df(a.term) - df(b.term) || (a.term < b.term ? -1 : 1))
        .slice(0, MAX_LISTED_TERMS),
    );
    const searched = [
      ...own.map((t) => (listed.has(t) ? t : { ...t, depth: 0 })),
      ...supporting.map((term) => ({
        term,
        queryTerm: term,
        weight: termWeight(term) * EXPANSION_WEIGHT,
        depth: SUPPORTING_DEPTH,
      })),
    ];
    return { terms, words, expansions, hits: searchWithChampions(index, searched, scratch) };
  }
  return { terms, words, expansions, hits: searchTerms(index, terms, expansionTerms, boost) };
}

import type { Passage } from "../passages/passage.js";
import { foldWord } from "../search/text-processing.js";
import { type SourceRef, sourceOf } from "./answer.js";

/** Passages sharing at least this share of their word 3-grams report the same fact. */
export const DUPLICATE_OVERLAP = 0.5;
const SHINGLE_SIZE = 3;

/** The set of word 3-grams of a text, case and punctuation folded. */
export function shinglesOf(text: string): Set<string> {
  const words = foldWord(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const shingles = new Set<string>();
  for (let i = 0; i + SHINGLE_SIZE <= words.length; i++) {
    shingles.add(words.slice(i, i + SHINGLE_SIZE).join(" "));
  }
  if (shingles.size === 0 && words.length > 0) shingles.add(words.join(" "));
  return shingles;
}

/** Overlap of two shingle sets, relative to the smaller: a short quote inside a longer passage counts. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared++;
  return shared / small.size;
}

/** How much a reader can check of a passage's source: a link most, then outlet, date and title. */
export function sourcingOf(passage: Passage): number {
  return (
    (passage.url ? 4 : 0) +
    (passage.outlet ? 2 : 0) +
    (passage.published ? 1 : 0) +
    (passage.title ? 1 : 0)
  );
}

export interface Ranked {
  passage: Passage;
}

export interface MergedGroup<T extends Ranked> {
  /** The best-sourced member: the one a reply quotes. */
  best: T;
  /** Sources of the other members, one per outlet, the quoted one's excluded. */
  alsoReportedBy: SourceRef[];
}

/**
 * Merges near-duplicate passages (the same fact, often word for word, from several outlets) into
 * one group each, kept in the order of each group's best-ranked member.
 */
export function mergeDuplicates<T extends Ranked>(ranked: readonly T[]): MergedGroup<T>[] {
  // Each passage is compared with each group's first, best-ranked member: linear in the groups,
  // where comparing with every member would be quadratic in the candidates.
  const groups: { members: T[]; shingles: Set<string> }[] = [];
  for (const item of ranked) {
    const shingles = shinglesOf(item.passage.text);
    const group = groups.find((g) => overlap(shingles, g.shingles) >= DUPLICATE_OVERLAP);
    if (group) group.members.push(item);
    else groups.push({ members: [item], shingles });
  }
  return groups.map(({ members }) => {
    // Stable: among equally sourced passages the better-ranked one stays first.
    const best = members.reduce((a, b) => (sourcingOf(b.passage) > sourcingOf(a.passage) ? b : a));
    const seen = new Set([best.passage.articleId]);
    const alsoReportedBy: SourceRef[] = [];
    for (const member of members) {
      if (seen.has(member.passage.articleId)) continue;
      seen.add(member.passage.articleId);
      alsoReportedBy.push(sourceOf(member.passage));
    }
    return { best, alsoReportedBy };
  });
}

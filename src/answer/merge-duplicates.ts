import type { ArticleSource } from "../corpus/article-source.js";
import type { Passage } from "../passages/passage.js";
import { overlap, shinglesOf } from "../text/shingles.js";
import { sourceOf } from "./answer.js";

/** Passages sharing at least this share of their word 3-grams report the same fact. */
export const DUPLICATE_OVERLAP = 0.5;

/** Shingles of ranked passages' texts, numbered through one shared `wordIds`. */
function shinglesWith(wordIds: Map<string, number>) {
  return (item: Ranked) => shinglesOf(item.passage.text, wordIds);
}

/**
 * Whether two passages' shingles make them one report (most of each is the other's words), not
 * one sentence shared in different company: overlap relative to the larger, where `overlap`
 * measures to the smaller so that a short quote inside a longer passage merges.
 */
export function sameReport<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  const ratio = Math.min(a.size, b.size) / Math.max(a.size, b.size, 1);
  // Overlap is at most 1: passages this different in length need no comparing.
  return ratio >= DUPLICATE_OVERLAP && overlap(a, b) * ratio >= DUPLICATE_OVERLAP;
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
  alsoReportedBy: ArticleSource[];
}

/**
 * Merges near-duplicate passages (the same fact, often word for word, from several outlets) into
 * one group each, kept in the order of each group's best-ranked member. With `maxGroups`, only the
 * first groups are kept: later passages join them or are dropped, which saves comparing passages
 * no reply would show.
 */
export function mergeDuplicates<T extends Ranked>(
  ranked: readonly T[],
  maxGroups = Number.POSITIVE_INFINITY,
  shinglesOfItem: (item: T) => Set<number> = shinglesWith(new Map()),
): MergedGroup<T>[] {
  // Each passage is compared with each group's first, best-ranked member: linear in the groups,
  // where comparing with every member would be quadratic in the candidates.
  const groups: { members: T[]; shingles: Set<number> }[] = [];
  for (const item of ranked) {
    const shingles = shinglesOfItem(item);
    const group = groups.find((g) => overlap(shingles, g.shingles) >= DUPLICATE_OVERLAP);
    if (group) group.members.push(item);
    else if (groups.length < maxGroups) groups.push({ members: [item], shingles });
  }
  return groups.map(({ members }) => {
    // Stable: among equally sourced passages the better-ranked one stays first.
    const best = members.reduce((a, b) => (sourcingOf(b.passage) > sourcingOf(a.passage) ? b : a));
    const seen = new Set([best.passage.articleId]);
    const alsoReportedBy: ArticleSource[] = [];
    for (const member of members) {
      if (seen.has(member.passage.articleId)) continue;
      seen.add(member.passage.articleId);
      alsoReportedBy.push(sourceOf(member.passage));
    }
    return { best, alsoReportedBy };
  });
}

import type { SourceRef } from "../answer/answer.js";

// What a reply says where an article does not name its outlet, title or date: the reader must be
// able to tell "unknown" from a value, so nothing is made up in their place.
export const UNKNOWN_OUTLET = "Unknown outlet";
export const UNTITLED = "Untitled article";
export const UNDATED = "date not given";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2024-12-09` → `9 Dec 2024`. */
export function formatDate(iso: string | null): string {
  if (iso === null) return UNDATED;
  const [year, month, day] = iso.split("-").map(Number);
  if (!year || !month || !day) return iso;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** @deprecated Replies show what the article gives instead (`CitedArticle.outlet`); kept for old callers. */
export function outletLabel(source: SourceRef): string {
  return source.outlet ?? UNKNOWN_OUTLET;
}

/** @deprecated Replies show the article's first words instead (`CitedArticle.title`). */
export function titleLabel(source: SourceRef): string {
  return source.title ?? UNTITLED;
}

// What a reply says where an article does not give its date: the reader must be able to tell
// "unknown" from a value, so nothing is made up in its place. (Where an article names no outlet or
// title, replies show what the article itself gives: see news/article-labels.ts.)
export const UNDATED = "date not given";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2024-12-09` → `9 Dec 2024`. */
export function formatDate(iso: string | null): string {
  if (iso === null) return UNDATED;
  const [year, month, day] = iso.split("-").map(Number);
  if (!year || !month || !day) return iso;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** What a hole left by the scraper shows as. */
export const GAP_MARK = "[…]";

// Holes where the scraper dropped a link's text: a word then a punctuation mark with a space
// between ("asylum in , saying"), a function word with nothing after it ("between and the ."),
// or a sentence that starts mid-phrase ("Breaking! and his family").
const BEFORE_PUNCTUATION = /(?<=[\p{L}\d]) (?=[,.;:!?](?:\s|$))/gu;
const DANGLING = /\b(?:the|an?) (?=(?:and|or|but|the|an?)\b)|\bbetween (?=(?:and|or)\b)/gi;
const AFTER_STOP = /([!?.]) (?=(?:and|or)\b)/g;
/** Found in every text any of the three patterns marks a hole in: each without what it looks around. */
const MAY_HOLD_GAP =
  / [,.;:!?]|\b(?:the|an?) (?:and|or|but|the|an?)\b|\bbetween (?:and|or)\b|[!?.] (?:and|or)\b/i;

/**
 * Shows the holes a scraper left in a text as "[…]", so nobody reads "asylum in , saying" as
 * the article saying "asylum in". For display only: passages keep the text as scraped.
 */
export function markGaps(text: string): string {
  // Most texts have no hole: one scan for what every hole holds spares them three replacements,
  // one of them a look-behind (a third of a 900-statement `who` at 100k passages).
  if (!MAY_HOLD_GAP.test(text)) return text;
  return text
    .replace(BEFORE_PUNCTUATION, ` ${GAP_MARK}`)
    .replace(DANGLING, (match) => `${match}${GAP_MARK} `)
    .replace(AFTER_STOP, `$1 ${GAP_MARK} `);
}

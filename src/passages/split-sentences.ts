// Abbreviations that end with a period inside a sentence. Lowercased, without the period.
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "prof",
  "gen",
  "col",
  "lt",
  "sgt",
  "capt",
  "maj",
  "sen",
  "rep",
  "gov",
  "pres",
  "jr",
  "sr",
  "no",
  "vs",
  "etc",
  "e.g",
  "i.e",
  "u.s",
  "u.n",
  "u.k",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "approx",
  "est",
  "inc",
  "ltd",
  "co",
  "corp",
  "dept",
  "mt",
  "ft",
]);

// A sentence ends at . ! ? or … (with any closing quotes or brackets) followed by white space and
// something that can start a sentence: a capital, a digit, an opening quote or bracket.
const BOUNDARY = /[.!?…]+["'”’»)\]]*(?=\s+["'“‘«([]?[\p{Lu}\p{N}])/gu;

// The longest abbreviation is a few letters: looking this far back suffices, and keeps a split of
// a long paragraph linear (looking at the whole text before each period made it quadratic).
const ABBREVIATION_WINDOW = 16;

function endsWithAbbreviation(text: string, end: number): boolean {
  const from = Math.max(0, end - ABBREVIATION_WINDOW);
  const before = text.slice(from, end);
  const found = /([\p{L}.]+)\.$/u.exec(before);
  const word = found?.[1]?.toLowerCase();
  // A word filling the whole window is longer than any abbreviation.
  if (word === undefined || (from > 0 && found?.index === 0)) return false;
  // A single letter before the period is an initial ("Bashar H. al-Assad").
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

/**
 * For each character position, whether it lies inside a quotation that closes later in the text.
 * A quote of several sentences stays one unit with its attribution ("…. It was his decision,”
 * Peskov said."). Unbalanced quotes are ignored: scraped text often loses one.
 */
function insideQuotes(text: string): (index: number) => boolean {
  let depth = 0;
  let straightOpen = false;
  const inside: boolean[] = [];
  for (const char of text) {
    if (char === "“") depth++;
    else if (char === "”") depth = Math.max(0, depth - 1);
    else if (char === '"') straightOpen = !straightOpen;
    for (let i = 0; i < char.length; i++) inside.push(depth > 0 || straightOpen);
  }
  const balanced = depth === 0 && !straightOpen;
  return (index) => balanced && (inside[index] ?? false);
}

/**
 * Splits a paragraph into sentences. Joining the sentences with single spaces gives back the
 * paragraph with its white space collapsed: nothing is lost or repeated.
 */
export function splitIntoSentences(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/g, " ").trim();
  if (text === "") return [];
  const sentences: string[] = [];
  let start = 0;
  const quoted = insideQuotes(text);
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith(".") && match[0].length === 1 && endsWithAbbreviation(text, end)) {
      continue;
    }
    if (quoted(match.index)) continue;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest !== "") sentences.push(rest);
  return sentences;
}

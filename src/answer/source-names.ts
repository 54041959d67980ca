import { mineAgencies } from "../news/agencies.js";
import type { Passage } from "../passages/passage.js";
import { processTerm, tokenize } from "../text/terms.js";

// A word the articles use only inside the name of who reports (an outlet, an agency, a dateline)
// says nothing about what they report: "Paris" reaches "Agence France-Presse" through France,
// "Tehran" a dateline. A question whose only link to the articles is such a word is off-topic.

/**
 * A dateline opening a paragraph: a place in capitals, maybe a region after a comma, maybe the
 * agency in brackets, then a dash or the bracket ("TEHRAN (Iran News)", "MOSCOW, Russia —").
 * Each part is bounded and separated by a fixed character, so it cannot backtrack.
 */
const DATELINE =
  /^\p{Lu}[\p{Lu}.'’-]{1,30}(?: \p{Lu}[\p{Lu}.'’-]{1,30}){0,3}(?:, \p{Lu}[\p{L}.]{1,30}(?: \p{Lu}[\p{L}.]{1,30}){0,2})?(?: ?\([^()\n]{1,40}\)| ?[—–-]{1,2} )/u;

function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const token of tokenize(text)) {
    const term = token === "" ? null : processTerm(token);
    if (term !== null) terms.add(term);
  }
  return terms;
}

/** The names of who reports found in a passage: outlets, agencies, its sentences' datelines. */
function sourceSpans(passage: Passage, names: readonly string[]): string[] {
  const spans: string[] = [];
  for (const name of names) if (passage.text.includes(name)) spans.push(name);
  for (const sentence of passage.sentences) {
    const dateline = DATELINE.exec(sentence);
    if (dateline) spans.push(dateline[0]);
  }
  return spans;
}

/**
 * The index terms the passages use only inside names of who reports: the outlets of their front
 * matter, the agencies they cite (`mineAgencies`), and datelines. A term found anywhere else in
 * the text, even once, is not one, nor is a name of one word ("TASS"): a question naming it asks
 * about that source.
 */
export function sourceOnlyTerms(
  passages: readonly Passage[],
  documentFrequency: ReadonlyMap<string, number>,
): ReadonlySet<string> {
  const names = new Set<string>();
  for (const passage of passages) if (passage.outlet) names.add(passage.outlet);
  for (const agency of mineAgencies(passages.flatMap((passage) => passage.sentences)))
    for (const alias of agency.aliases) names.add(alias);
  const longestFirst = [...names].filter((name) => name.length >= 2);
  longestFirst.sort((a, b) => b.length - a.length);
  // Passages where each term appears only inside such a name.
  const onlyInNames = new Map<string, number>();
  for (const passage of passages) {
    const spans = sourceSpans(passage, longestFirst);
    if (spans.length === 0) continue;
    let rest = passage.text;
    for (const span of spans) rest = rest.split(span).join(" ");
    const elsewhere = termsOf(rest);
    const inNames = new Set<string>();
    for (const span of spans) for (const term of termsOf(span)) inNames.add(term);
    for (const term of inNames)
      if (!elsewhere.has(term)) onlyInNames.set(term, (onlyInNames.get(term) ?? 0) + 1);
  }
  // A name asked for by itself ("what did TASS report") is a question about that source.
  const wholeNames = new Set<string>();
  for (const name of names) {
    const terms = termsOf(name);
    if (terms.size === 1) for (const term of terms) wholeNames.add(term);
  }
  const found = new Set<string>();
  for (const [term, count] of onlyInNames)
    if (count >= (documentFrequency.get(term) ?? 0) && !wholeNames.has(term)) found.add(term);
  return found;
}

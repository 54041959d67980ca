import { processTerm } from "../text/terms.js";

/** A run of text, emphasised when it is a word that matched the question. */
export interface Segment {
  text: string;
  emphasis: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Splits text into runs, marking the words whose index term is one of `terms`. Joining the runs'
 * text gives back the input exactly.
 */
export function highlightTerms(text: string, terms: Iterable<string>): Segment[] {
  const wanted = new Set(terms);
  const segments: Segment[] = [];
  let plain = "";
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const term = processTerm(match[0]);
    if (term === null || !wanted.has(term)) continue;
    plain += text.slice(last, match.index);
    if (plain !== "") segments.push({ text: plain, emphasis: false });
    segments.push({ text: match[0], emphasis: true });
    plain = "";
    last = match.index + match[0].length;
  }
  plain += text.slice(last);
  if (plain !== "") segments.push({ text: plain, emphasis: false });
  // Adjacent emphasised words separated only by spaces read better as one emphasised phrase.
  return mergeEmphasisedRuns(segments);
}

function mergeEmphasisedRuns(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    const previous = merged.at(-1);
    const next = segments[i + 1];
    if (previous?.emphasis && !segment.emphasis && /^ +$/.test(segment.text) && next?.emphasis) {
      previous.text += segment.text + next.text;
      i++;
      continue;
    }
    merged.push({ ...segment });
  }
  return merged;
}

import { processTerm, tokenize } from "../text/terms.js";

/**
 * The content words of a text as index stems, stop words left out: two texts that share these
 * share meaning, whatever the inflection ("granted"/"grant").
 */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (term !== null && !/^\d+$/.test(term)) stems.add(term);
  }
  return stems;
}

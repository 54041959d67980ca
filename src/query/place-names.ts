import { createRequire } from "node:module";
import type { Countries } from "world-countries";

/**
 * Demonyms and capitals of every country, each mapped to the country's common name, from the
 * `world-countries` data: "french" → "France", "ankara" → "Turkey". Keys are lower case.
 * Built once, lazily.
 */
let table: Map<string, string> | null = null;

export function countryOfPlaceWord(word: string): string | undefined {
  if (!table) {
    const countries = createRequire(import.meta.url)("world-countries") as Countries;
    table = new Map();
    for (const country of countries) {
      const name = country.name.common;
      const demonyms = country.demonyms?.eng;
      for (const form of [demonyms?.m, demonyms?.f, ...(country.capital ?? [])]) {
        if (form && !form.includes(" ")) table.set(form.toLowerCase(), name);
      }
    }
  }
  return table.get(word.toLowerCase());
}

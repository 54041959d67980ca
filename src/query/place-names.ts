import { createRequire } from "node:module";
import type { Countries } from "world-countries";

// Demonyms and capitals of every country, each mapped to the country's names, from the
// `world-countries` data: "french" → france, "ankara" → turkiye, turkey. Built once, lazily.
let table: Map<string, string[]> | null = null;

const fold = (name: string) => name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * The names a country goes by (common name, then other spellings such as "Turkey" for
 * "Türkiye"), folded to lower case without diacritics, for a demonym or capital; else undefined.
 */
export function countryOfPlaceWord(word: string): string[] | undefined {
  if (!table) {
    const countries = createRequire(import.meta.url)("world-countries") as Countries;
    table = new Map();
    // Territories share demonyms with their state ("French" for French Polynesia too): UN
    // members are read last, so the state's name wins.
    const ordered = [...countries].sort((a, b) => Number(a.unMember) - Number(b.unMember));
    for (const country of ordered) {
      // "Republic of Turkey" gives "Turkey": the name inside a state's formal name.
      const inner = country.altSpellings.map((name) => /\bof (\p{L}+)$/u.exec(name)?.[1] ?? "");
      const names = [country.name.common, ...country.altSpellings, ...inner]
        .filter((name) => /^[\p{L}]+$/u.test(name) && name.length > 3)
        .map(fold);
      const demonyms = country.demonyms?.eng;
      for (const form of [demonyms?.m, demonyms?.f, ...(country.capital ?? [])]) {
        if (form && !form.includes(" ")) table.set(fold(form), names);
      }
    }
  }
  return table.get(word.toLowerCase());
}

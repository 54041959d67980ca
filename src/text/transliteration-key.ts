// One key for the spellings that transliteration and typing give a name: Khmeimim/Hmeimim,
// Assad/Asad, Peskov/Peskow, Ulyanov/Ulianov, Tartus/Tartous, Polyansky/Polyanskiy. Applied to
// every index term, at index and at query time alike, so the two spellings meet without a list of
// names. It works on a stem, after Porter: applied before, "planned" (→ "planed" → "plane") would
// leave "plan".

/** Letter changes that transliteration from Russian and Arabic makes one way or another. */
const RULES: readonly [RegExp, string][] = [
  // Slavic -ov written -ow or -off (Peskow, Rachmaninoff).
  [/(?:ow|off)$/, "ov"],
  // Kh and h render one sound (Khmeimim, Hmeimim).
  [/kh/g, "h"],
  // French-style ou for u (Tartous, Tartus).
  [/ou/g, "u"],
  // y and i, as vowel or glide (Ulyanov/Ulianov, Hmeymim/Hmeimim).
  [/y/g, "i"],
  // Doubled consonants (Assad/Asad, Lattakia/Latakia); doubled vowels are different words (meet, met).
  [/([b-df-hj-np-tv-z])\1+/g, "$1"],
  // Slavic -sky written -ski, -skiy, -skii (Polyansky, Polyanskiy).
  [/ski(?:i|j)?$/, "ski"],
];

/**
 * The transliteration key of a stem: the same for spellings of one name that differ only in how
 * a sound was transliterated. Short stems (three letters or fewer) are returned as they are:
 * there a changed letter makes another word.
 */
export function transliterationKey(stem: string): string {
  if (stem.length <= 3) return stem;
  let key = stem;
  for (const [pattern, replacement] of RULES) key = key.replace(pattern, replacement);
  return key;
}

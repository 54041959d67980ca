const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The text's graphemes (what a reader sees as one character), in order. */
export function graphemesOf(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/** True when the text holds half a surrogate pair (`String#isWellFormed` is ES2024, above our lib). */
export function hasLoneSurrogate(text: string): boolean {
  return /\p{Cs}/u.test(text);
}

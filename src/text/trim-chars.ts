// Trimming a run of characters off the ends of a text, by loop rather than `/^x+|x+$/`: a regex
// anchored only at the end is tried from every position, and reads its run again from each, so a
// long run of `?` that is not at the end took seconds.

/** Says whether a character (one UTF-16 unit) is to be trimmed. */
export type CharTest = (char: string) => boolean;

const WORD_CHAR = /\w/;

/** Not a letter, digit or `_` of ASCII: what `\W` matches. */
export const isNonWordChar: CharTest = (char) => !WORD_CHAR.test(char);

/** A test for the characters of `chars` (each one UTF-16 unit). */
export function oneOf(chars: string): CharTest {
  return (char) => char.length === 1 && chars.includes(char);
}

/** `text` without the run of characters `atStart` accepts at its start and `atEnd` at its end. */
export function trimEdges(text: string, atStart: CharTest, atEnd: CharTest = atStart): string {
  let start = 0;
  while (start < text.length && atStart(text[start] as string)) start++;
  let end = text.length;
  while (end > start && atEnd(text[end - 1] as string)) end--;
  return text.slice(start, end);
}

/** `text` without the run of `chars` at its end: "why?!" → "why". */
export function trimEndChars(text: string, chars: string): string {
  return trimEdges(text, () => false, oneOf(chars));
}

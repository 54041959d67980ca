/**
 * `text` without the run of `chars` at its end: "why?!" → "why". A loop, not `/[?!]+$/`: a
 * regex anchored only at the end is tried from every position, and its run is read again from
 * each, so a long run of `?` not at the end took seconds.
 */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1] as string)) end--;
  return text.slice(0, end);
}

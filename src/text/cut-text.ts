// Text is cut to fit Slack's limits and the bot's stores. A cut between the two halves of a
// surrogate pair leaves a lone surrogate (shown as �, or refused by a strict JSON reader); a cut
// inside a grapheme (an emoji with a skin tone, a ZWJ family, a flag, a letter with its accent)
// leaves a different emoji, half a flag or a bare letter. Cutting only at grapheme boundaries
// avoids both.

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The longest start of `text` at most `max` UTF-16 units long that ends on a grapheme boundary;
 * `text` itself when it fits. A single grapheme longer than `max` (a letter under hundreds of
 * combining marks) is dropped whole rather than cut. Linear in the text's length.
 */
export function cutAtGrapheme(text: string, max: number): string {
  const limit = Math.max(0, Math.floor(max));
  if (text.length <= limit) return text;
  // The whole text is segmented, not a window around the cut: where a run of regional
  // indicators (flags) pairs up depends on where the run starts.
  const around = graphemes.segment(text).containing(limit);
  return text.slice(0, around ? around.index : limit);
}

import type { Passage } from "../passages/passage.js";
import { englishZipf, isName } from "../text/english-frequency.js";

/** A passage that opens by pointing back ("He said …", "The group …") lost its subject. */
const POINTS_BACK =
  /^(?:He|She|They|His|Her|Their|It|Its|The (?:group|movement|militants|rebels|agency|ministry|spokesman|spokeswoman|official|diplomat|envoy|president|minister))\b/;

/** At most this many names are carried over: the subject is among the first the passage names. */
const MAX_NAMES = 4;

function namesIn(text: string): string[] {
  const names: string[] = [];
  for (const word of text.split(/\s+/).slice(1)) {
    const bare = word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "").replace(/['’]s$/, "");
    if (!/^[A-Z]/.test(bare) || !(isName(bare) || englishZipf(bare) === 0)) continue;
    if (!names.includes(bare)) names.push(bare);
    if (names.length === MAX_NAMES) break;
  }
  return names;
}

/**
 * For each passage, the words it points back to, for search only (never shown): the names of the
 * passage before it in the same article when it opens with a pronoun or "The group", else "".
 * A question naming the subject then reaches "He noted that …".
 */
export function pronounContexts(passages: readonly Passage[]): string[] {
  return passages.map((passage, i) => {
    const before = passages[i - 1];
    if (!before || before.articleId !== passage.articleId) return "";
    if (!POINTS_BACK.test(passage.text)) return "";
    return namesIn(before.text).join(" ");
  });
}

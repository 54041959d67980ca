// Every pattern here runs on what anyone can send the bot, up to Slack's 40,000 characters, on
// the one thread that answers everybody: each must be linear. A pattern that starts at a
// delimiter and scans with one quantifier to a character that stops it (`<` … `>`, `:` … `:`)
// is; emphasis, whose runs of marks a regex backtracks over, is read by hand.

/** `<@U1>`, `<#C1|general>`, `<!here>`, `<!subteam^S1>`: who or where a message pings. */
const MENTION = /<[@#!][^<>]*>/g;
/** `<https://x|label>`: a link shown as its label. Slack escapes a typed `<` as `&lt;`. */
const LABELLED_LINK = /<([^<>|]*)\|([^<>]*)>/g;
/** `<https://x>`: a link shown as its address. */
const BARE_LINK = /<([^<>]*)>/g;
/**
 * A code block. Each opening fence scans to the next fence; only an opening with no fence after
 * it fails, and there are at most three such places in any text, so this stays linear.
 */
const CODE_BLOCK = /```([\s\S]*?)```/g;
const INLINE_CODE = /`([^`]*)`/g;
/** `:pray:`, `:+1:`, `:flag-sy:`: the class has no `:`, so each attempt stops at the next one. */
const EMOJI_CODE = /:[a-z0-9_+'-]+:/gi;
const WHITESPACE_RUN = /\s+/g;
const SPACE = /\s/;

const isMark = (c: string | undefined) => c === "*" || c === "_" || c === "~";
const isSpace = (c: string | undefined) => c !== undefined && SPACE.test(c);
/** Where emphasis may open: after a space or "(" (or at the start). */
const opensAfter = (c: string | undefined) => c === "(" || isSpace(c);
/** Where emphasis may close: before the end, a space or closing punctuation. */
const closesBefore = (c: string | undefined) =>
  c === undefined || isSpace(c) || ").,!?:;".includes(c);

/**
 * `*bold*`, `_italic_`, `~strike~` and runs of them (`*_both_*`) reduced to their words: a run of
 * marks where emphasis may open, words without marks or line breaks that start and end with a
 * non-space, and a run of marks where emphasis may close. Anything else is left as typed
 * (`snake_case`, `2*3`, `*` alone). One pass: each character is read at most twice.
 */
export function stripEmphasis(text: string): string {
  let out = "";
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    if (!isMark(text[i]) || (i > 0 && !opensAfter(text[i - 1]))) {
      i++;
      continue;
    }
    let wordsStart = i;
    while (isMark(text[wordsStart])) wordsStart++;
    let wordsEnd = wordsStart;
    while (wordsEnd < text.length && !isMark(text[wordsEnd]) && text[wordsEnd] !== "\n") wordsEnd++;
    let close = wordsEnd;
    while (isMark(text[close])) close++;
    const emphasised =
      wordsEnd > wordsStart &&
      close > wordsEnd &&
      !isSpace(text[wordsStart]) &&
      !isSpace(text[wordsEnd - 1]) &&
      closesBefore(text[close]);
    if (emphasised) {
      out += text.slice(copied, i) + text.slice(wordsStart, wordsEnd);
      copied = close;
      i = close;
    } else {
      // Nothing from i to wordsEnd can open emphasis: the marks follow a mark, the words hold
      // none. The next opening is at wordsEnd at the earliest.
      i = Math.max(wordsEnd, i + 1);
    }
  }
  return out + text.slice(copied);
}

/**
 * The words of a message as a person wrote them, from Slack's markup: mentions of users, channels
 * and groups removed, links shown as their label, emoji shortcodes (`:pray:`) dropped, `*bold*`,
 * `_italic_`, `~strike~` and `` `code` `` reduced to their words, and Slack's `&amp;`/`&lt;`/`&gt;`
 * decoded. Pure text handling, no Slack import: the CLI reads pasted Slack text through it too.
 * Linear in the text's length.
 */
export function stripSlackMarkup(text: string | undefined): string {
  const unmarked = (text ?? "")
    .replace(MENTION, " ")
    .replace(LABELLED_LINK, "$2")
    .replace(BARE_LINK, "$1")
    .replace(CODE_BLOCK, " $1 ")
    .replace(INLINE_CODE, "$1")
    .replace(EMOJI_CODE, " ");
  return stripEmphasis(unmarked)
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&")
    .replace(WHITESPACE_RUN, " ")
    .trim();
}

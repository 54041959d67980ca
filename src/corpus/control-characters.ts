// Text from outside (an article, a saved page's JSON-LD, a person's question) may carry control
// characters: a NUL that makes the loader take the file for binary, an ESC that starts a terminal
// escape sequence (clear the screen, set the window title, OSC 52 writes the clipboard), or a line
// separator that splits a JSON line for some readers. Each pattern here is one character class run
// once over the text: linear, whatever the text.

/**
 * C0 and C1 controls and DEL (Unicode category Cc), and the two Unicode line and paragraph
 * separators. U+0085 (NEL, a C1 control) and U+2028/U+2029 end a line for some readers (Python's
 * `splitlines`, some editors) but not for JSON or JavaScript.
 */
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;
const CONTROL_BUT_LINE_BREAKS = /(?!\n)[\p{Cc}\u2028\u2029]/gu;
/** Controls that separate words or lines: a space stands in for them, so no two words join. */
const SPACING = new Set(["\t", "\n", "\u000B", "\f", "\r", "\u0085", "\u2028", "\u2029"]);

function replacement(character: string): string {
  return SPACING.has(character) ? " " : "";
}

/**
 * One line of plain text: tabs, line breaks and separators become a space, every other control
 * character (NUL, ESC, BEL, CSI…) is dropped. For titles, outlets, urls and anything printed on one
 * line of a terminal.
 */
export function oneLineText(text: string): string {
  return text.replace(CONTROL, replacement);
}

/**
 * Text that keeps its lines: `\r\n` and `\r` become `\n`, other spacing controls a space, and every
 * other control character is dropped. For an article's body.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROL_BUT_LINE_BREAKS, replacement);
}

const ANY_CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** True when `text` holds a character `oneLineText` would change. */
export function hasControlCharacters(text: string): boolean {
  return ANY_CONTROL.test(text);
}

/** Characters JSON leaves raw that some line readers split on, or that a terminal may act on. */
// JSON.stringify escapes C0 inside strings; the only raw C0 it writes is the \n of indentation.
const RAW_IN_JSON = /(?!\n)[\p{Cc}\u2028\u2029]/gu;

function escapeCodeUnit(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * `JSON.stringify`, with the characters JSON allows raw in a string but some readers take for a
 * line end (U+0085, U+2028, U+2029) or a terminal for a control (DEL, the C1 range) written as
 * `\u` escapes, so a JSON line is split the same way by every reader and printing it acts on no
 * terminal. The value read back is the same.
 */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(RAW_IN_JSON, escapeCodeUnit);
}

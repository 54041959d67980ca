import type { BodyBlock } from "./article.js";

// Scraping leaves the same kinds of damage in every outlet's pages. Each rule below removes markup or
// navigation and keeps every word of the article's own sentences. Words lost where a link was
// stripped upstream ("asylum in , saying") are not guessed back.

const MARKDOWN_LINK = /\[([^\]]*)\]\(([^)\s]*)\)/g;
const ONLY_A_LINK = /^\s*(?:[-*•·]\s+)?\[[^\]]*\]\([^)\s]*\)\s*$/;
const BOLD = /\*\*([^*]+)\*\*/g;
const ITALIC = /(^|[\s(])\*([^*\s][^*]*?)\*(?=$|[\s).,;:!?])/g;
const BULLET = /^\s*(?:[•·▪◦]|[-*+](?=\s))\s*/;
const HEADING = /^#{1,6}\s+(.*)$/;
/** Page furniture that follows an article: comment widgets, related-article lists. */
const NAVIGATION =
  /^(?:comments?|related(?: news| articles?| stories)?|read more|share this)\s*:?(?:\s.*)?$/i;
const RELATED_LINK = /^related[^:]{0,20}:/i;
const ATTRIBUTION = /^[—–]\s/;
const TERMINAL = /[.!?…:"”’)\]]$/;
const STARTS_LOWERCASE = /^[a-z]/;

/** Removes link, emphasis and bullet markup from one line, keeping its words. */
export function stripInlineMarkup(line: string): string {
  return line
    .replace(MARKDOWN_LINK, "$1")
    .replace(BOLD, "$1")
    .replace(ITALIC, "$1$2")
    .replace(BULLET, "")
    .replace(/\s+/g, " ")
    .trim();
}

function isNavigation(rawLine: string, stripped: string): boolean {
  if (ONLY_A_LINK.test(rawLine)) return true;
  if (RELATED_LINK.test(stripped)) return true;
  return NAVIGATION.test(stripped) && stripped.split(" ").length <= 4;
}

/** A short line with no closing punctuation, followed by more text: a subheading. */
function looksLikeHeading(line: string, next: string | undefined): boolean {
  if (next === undefined || TERMINAL.test(line) || ATTRIBUTION.test(line)) return false;
  const words = line.split(" ").length;
  return words <= 12 && /^[A-Z0-9“"]/.test(line) && !STARTS_LOWERCASE.test(next);
}

/**
 * Turns the body of an article (markdown, or text scraped from a page) into headings and
 * paragraphs. Idempotent: cleaning a cleaned body changes nothing.
 */
export function cleanBody(raw: string): BodyBlock[] {
  const lines = raw
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .split("\n");

  // Collect lines, keeping note of blank lines so paragraphs broken mid-sentence can be rejoined.
  const kept: { text: string; heading: boolean }[] = [];
  for (const rawLine of lines) {
    const heading = HEADING.exec(rawLine.trim());
    const text = stripInlineMarkup(heading ? (heading[1] ?? "") : rawLine);
    if (text === "" || isNavigation(rawLine, text)) continue;
    const previous = kept.at(-1);
    if (previous && previous.text === text) continue; // a duplicated line
    kept.push({ text, heading: heading !== null });
  }

  const blocks: BodyBlock[] = [];
  for (let i = 0; i < kept.length; i++) {
    const line = kept[i];
    if (!line) continue;
    const previous = blocks.at(-1);
    if (previous?.kind === "paragraph" && !line.heading) {
      const brokenMidSentence = !TERMINAL.test(previous.text) && STARTS_LOWERCASE.test(line.text);
      if (brokenMidSentence || ATTRIBUTION.test(line.text)) {
        previous.text = `${previous.text} ${line.text}`;
        continue;
      }
    }
    if (line.heading || looksLikeHeading(line.text, kept[i + 1]?.text)) {
      blocks.push({ kind: "heading", text: line.text });
    } else {
      blocks.push({ kind: "paragraph", text: line.text });
    }
  }
  // A heading with nothing after it is furniture, not a section.
  while (blocks.at(-1)?.kind === "heading") blocks.pop();
  return blocks;
}

/** Writes blocks back as markdown: `## ` headings, paragraphs separated by blank lines. */
export function formatBody(blocks: readonly BodyBlock[]): string {
  return `${blocks.map((b) => (b.kind === "heading" ? `## ${b.text}` : b.text)).join("\n\n")}\n`;
}

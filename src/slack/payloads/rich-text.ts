/** One element of a `rich_text` block, as much as this reads of it. */
interface RichTextElement {
  type?: unknown;
  text?: unknown;
  url?: unknown;
  user_id?: unknown;
  channel_id?: unknown;
  usergroup_id?: unknown;
  range?: unknown;
  elements?: unknown;
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");

/** A leaf as Slack's `text` would write it: words as they are, mentions in Slack's markup. */
function leafText(element: RichTextElement): string {
  switch (element.type) {
    case "text":
      return str(element.text);
    case "link":
      return str(element.text) || str(element.url);
    case "user":
      return `<@${str(element.user_id)}>`;
    case "channel":
      return `<#${str(element.channel_id)}>`;
    case "usergroup":
      return `<!subteam^${str(element.usergroup_id)}>`;
    case "broadcast":
      return `<!${str(element.range)}>`;
    default:
      // Emoji, dates, colours: not words of a question.
      return " ";
  }
}

function elementText(element: unknown): string {
  if (typeof element !== "object" || element === null) return "";
  const e = element as RichTextElement;
  if (Array.isArray(e.elements)) return e.elements.map(elementText).join("");
  return leafText(e);
}

/**
 * The words of a message's `rich_text` blocks, in Slack's `text` markup (mentions as `<@U…>`), one
 * line per section, list item or quote; other blocks are skipped. Slack's clients send what a
 * person typed both as `text` and as rich text, but a message can come with its words only in the
 * blocks (`text` empty), and the question is then there.
 */
export function richTextWords(blocks: unknown): string {
  if (!Array.isArray(blocks)) return "";
  const lines: string[] = [];
  for (const block of blocks) {
    const b = block as { type?: unknown; elements?: unknown } | null;
    if (b?.type !== "rich_text" || !Array.isArray(b.elements)) continue;
    for (const part of b.elements) {
      const p = part as RichTextElement | null;
      // A list holds one section per item: each item is a line of its own.
      const items = p?.type === "rich_text_list" && Array.isArray(p.elements) ? p.elements : [part];
      for (const item of items) lines.push(elementText(item));
    }
  }
  return lines
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
}

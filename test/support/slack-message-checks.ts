import { MAX_BLOCKS, SECTION_TEXT_MAX } from "../../src/format/slack-limits.js";

// What Slack accepts in a message, and what must never be in one of ours: checked alike by the
// property tests and the end-to-end ones.

// biome-ignore lint/suspicious/noExplicitAny: a message as posted is untyped JSON
type Json = any;

/** Every problem with a message: over a limit, malformed, pinging someone, or linking elsewhere. */
export function messageProblems(message: Json, allowedUrls: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const texts: string[] = [];
  if (typeof message.text !== "string" || message.text.trim() === "")
    problems.push("no fallback text");
  else if (message.text.length > 4000) problems.push(`text of ${message.text.length} characters`);
  else texts.push(message.text);
  const blocks: Json[] = message.blocks ?? [];
  if (!Array.isArray(blocks) || blocks.length > MAX_BLOCKS) problems.push("too many blocks");
  for (const block of blocks) {
    if (block.type === "section") {
      const text = block.text?.text;
      if (typeof text !== "string" || text === "" || text.length > SECTION_TEXT_MAX)
        problems.push("bad section text");
      else texts.push(text);
    } else if (block.type === "context") {
      if (
        !Array.isArray(block.elements) ||
        block.elements.length === 0 ||
        block.elements.length > 10
      ) {
        problems.push("bad context elements");
      }
      for (const element of block.elements ?? []) {
        if (typeof element.text !== "string" || element.text === "" || element.text.length > 2000) {
          problems.push("bad context text");
        } else texts.push(element.text);
      }
    } else if (block.type === "actions") {
      for (const element of block.elements ?? []) {
        if (String(element.value ?? "").length > 2000) problems.push("button value over 2000");
        if (String(element.text?.text ?? "").length > 75) problems.push("button text over 75");
      }
    } else if (block.type !== "divider") {
      problems.push(`unknown block ${block.type}`);
    }
  }
  for (const text of texts) {
    for (const [control] of text.matchAll(/<[^>]*>?/g)) {
      const link = /^<([^|>]+)\|[^>]*>$/.exec(control);
      if (link && allowedUrls.has(link[1] as string)) continue;
      if (/^<@U[A-Z0-9]+>$/.test(control) && text.startsWith("Shared by ")) continue;
      problems.push(`control sequence ${control.slice(0, 40)}`);
    }
  }
  return problems;
}

import type { Article } from "../corpus/article.js";
import type { Passage } from "./passage.js";
import { splitIntoSentences } from "./split-sentences.js";

/** At most this many sentences make a passage: about a paragraph, short enough to quote in Slack. */
export const MAX_SENTENCES_PER_PASSAGE = 3;

/** Splits `count` items into the fewest groups of at most `max`, as even in size as possible. */
export function balancedGroupSizes(count: number, max: number): number[] {
  if (count === 0) return [];
  const groups = Math.ceil(count / max);
  const base = Math.floor(count / groups);
  const larger = count % groups;
  return Array.from({ length: groups }, (_, i) => base + (i < larger ? 1 : 0));
}

/**
 * Splits an article into passages of whole sentences, 1 to 3 each, never across paragraphs. Every
 * passage carries its article's source metadata; the title is metadata, never a passage.
 */
export function splitIntoPassages(article: Article): Passage[] {
  const passages: Passage[] = [];
  let section: string | null = null;
  for (const block of article.body) {
    if (block.kind === "heading") {
      section = block.text;
      continue;
    }
    const sentences = splitIntoSentences(block.text);
    let offset = 0;
    for (const size of balancedGroupSizes(sentences.length, MAX_SENTENCES_PER_PASSAGE)) {
      const group = sentences.slice(offset, offset + size);
      offset += size;
      const position = passages.length;
      passages.push({
        id: `${article.id}#${position}`,
        articleId: article.id,
        position,
        section,
        text: group.join(" "),
        sentences: group,
        title: article.title,
        outlet: article.outlet,
        url: article.url,
        published: article.published,
        ...(article.copyOf ? { copyOf: article.copyOf } : {}),
      });
    }
  }
  return passages;
}

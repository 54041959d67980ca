import type { Article } from "../../src/corpus/article.js";
import { buildNewsData, type NewsData } from "../../src/news/news-data.js";
import type { Passage } from "../../src/passages/passage.js";
import { splitIntoPassages } from "../../src/passages/split-passages.js";

/** A tiny article: one paragraph per string. */
export interface TinyArticle {
  id: string;
  paragraphs: string[];
  title?: string | null;
  outlet?: string | null;
  url?: string | null;
  published?: string | null;
  /** The id of the article it reprints (front matter `copy_of`). */
  copyOf?: string;
}

export function passagesOf(articles: readonly TinyArticle[]): Passage[] {
  return articles.flatMap((a) => {
    const article: Article = {
      id: a.id,
      file: `${a.id}.md`,
      title: a.title ?? null,
      outlet: a.outlet ?? null,
      url: a.url ?? null,
      published: a.published ?? null,
      language: "en",
      body: a.paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
      ...(a.copyOf ? { copyOf: a.copyOf } : {}),
    };
    return splitIntoPassages(article);
  });
}

export function newsOf(articles: readonly TinyArticle[]): NewsData {
  return buildNewsData(passagesOf(articles));
}

/** The sentence of the news data that starts with `start`. */
export function sentenceStarting(data: NewsData, start: string) {
  const found = data.sentences.find((s) => s.text.startsWith(start));
  if (!found) throw new Error(`no sentence starts with ${start}`);
  return found;
}

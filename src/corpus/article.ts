import type { ArticleSource } from "./article-source.js";

/** What an article says about itself: its source and its language. */
export interface ArticleMeta extends ArticleSource {
  /** BCP 47 language tag, e.g. `en`. */
  language: string;
}

/** A block of an article body: headings mark sections, paragraphs hold the sentences. */
export type BodyBlock = { kind: "heading"; text: string } | { kind: "paragraph"; text: string };

export interface Article extends ArticleMeta {
  /** The file name without its extension: stable across runs, unique in a corpus. */
  id: string;
  /** The file the article was read from, as given to the loader. */
  file: string;
  body: BodyBlock[];
  /**
   * The id of the corpus article this one reprints (front matter `copy_of`: a wire story another
   * outlet published under its own URL), absent when it is an article of its own.
   */
  copyOf?: string;
}

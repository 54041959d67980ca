import type { ArticleSource } from "../corpus/article-source.js";

/** A few consecutive sentences of one article, with that article's source. The unit of search. */
export interface Passage extends ArticleSource {
  /** `<article id>#<position>`: stable while the article is unchanged. */
  id: string;
  articleId: string;
  /** 0-based order of the passage in its article. */
  position: number;
  /** The heading the passage stands under, if the article has sections. */
  section: string | null;
  text: string;
  sentences: string[];
  /** The id of the article this one's article reprints (`Article.copyOf`); absent for an original. */
  copyOf?: string;
}

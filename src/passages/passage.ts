/**
 * Where a passage comes from, as its article's front matter gives it (null where it does not say).
 * The one source type of search, answers and replies; replies label a missing outlet or title with
 * what the article itself gives (news/article-labels.ts).
 */
export interface SourceRef {
  outlet: string | null;
  title: string | null;
  url: string | null;
  published: string | null;
}

/** A few consecutive sentences of one article, with that article's source. The unit of search. */
export interface Passage extends SourceRef {
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

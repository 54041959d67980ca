/** A few consecutive sentences of one article, with that article's source. The unit of search. */
export interface Passage {
  /** `<article id>#<position>`: stable while the article is unchanged. */
  id: string;
  articleId: string;
  /** 0-based order of the passage in its article. */
  position: number;
  /** The heading the passage stands under, if the article has sections. */
  section: string | null;
  text: string;
  sentences: string[];
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
}

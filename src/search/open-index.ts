import { loadCorpus } from "../corpus/load-corpus.js";
import { splitIntoPassages } from "../passages/split-passages.js";
import { buildPassageIndex, type PassageIndex } from "./passage-index.js";

/** Reads the corpus in `corpusDir` and indexes its passages. Throws CorpusError on bad files. */
export async function openPassageIndex(corpusDir: string): Promise<PassageIndex> {
  const articles = await loadCorpus(corpusDir);
  return buildPassageIndex(articles.flatMap(splitIntoPassages));
}

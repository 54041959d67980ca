/**
 * Chatter before the question itself, as people open a message in chat: greetings, apologies,
 * hedges and who is asking. Matched at the start only, repeatedly, so "hey bot, quick one: sorry
 * if this was asked already but …" comes down to the question. Sticky (`y`): each is tried where
 * the previous lead-in ended, without copying the rest of the text for every one dropped.
 */
const LEAD_INS: readonly RegExp[] = [
  /(hey|hi|hello|yo|ok|okay|so|um+|uh+|hmm+)\b( there)?( (bot|all|everyone|folks|team|guys))?[\s,.!:;-]*/y,
  /(quick|dumb|silly|random|small) (one|q|question)\b[\s,.!:;-]*/y,
  /sorry( if (this|that) (was|has been|is) (already )?(asked|answered)( already| before)?)?( but)?[\s,.!:;-]*/y,
  /(following up|to follow up|fwiw|btw|also|and|but)( on [^:,?]{1,40}[:,])?[\s,.!:;-]*/y,
  /(my|our) (manager|editor|boss|desk|team|lead|producer)( wants| needs| would like| asked| is asking)( me)?( to)?( know| find out| check)?( about)?( whether| if)?[\s,:]*/y,
  /(does|do|did|has|have|can|could) (anyone|anybody|someone|somebody|u|you)( here)?( (know|seen|heard|tell me|remember|have))?( about| of| if| whether)?[\s,:]*/y,
  /anyone (seen|know|heard|have)( about| if| whether)?[\s,:]*/y,
  /(i )?(need|want|looking for|trying to find)( to know| to find out)?( the)?[\s,:]*/y,
  /(can|could) (you|u) (tell me|check|confirm|find)( whether| if)?[\s,:]*/y,
  /(i was wondering|wondering|just wondering|curious)( about| if| whether)?[\s,:]*/y,
];

const CURLY_APOSTROPHES = /[‘’`]/g;
const CURLY_QUOTES = /[“”]/g;
const PUNCTUATION_RUN = /([?!.])[?!.]+/g;
const WHITESPACE_RUN = /\s+/g;
/** After whitespace is one space: `\s+` before a mark would read a long run again from each space. */
const SPACE_BEFORE_PUNCTUATION = / ([?!.,])/g;
const ABBREVIATED_MONTH = /\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?(?=\s*\d|\b)/g;
const ORDINAL = /\b(\d{1,2})(st|nd|rd|th)\b/g;

const MONTHS: Readonly<Record<string, string>> = {
  jan: "january",
  feb: "february",
  mar: "march",
  apr: "april",
  jun: "june",
  jul: "july",
  aug: "august",
  sep: "september",
  sept: "september",
  oct: "october",
  nov: "november",
  dec: "december",
};

/** Abbreviated months spelled out and ordinals made numbers: "dec 7th" → "december 7". */
export function normaliseDates(text: string): string {
  return text
    .replace(ABBREVIATED_MONTH, (_, month: string) => MONTHS[month] ?? month)
    .replace(ORDINAL, "$1");
}

/**
 * The one reading of a question that every caller (CLI, slash command, mention, DM) answers:
 * lower case, lead-in chatter dropped, dates spelled out, runs of punctuation made one mark. The
 * text is the question as the router leaves it, its Slack markup already read (`routeRequest`,
 * `stripSlackMarkup`): read twice, `&amp;lt;` typed by a person would become `<`. Word-level
 * rewriting against the corpus (compounds, demonyms) is done by `rewriteAgainstVocabulary`, which
 * needs the index.
 */
export function normaliseQuestion(text: string): string {
  const question = text
    .replace(WHITESPACE_RUN, " ")
    .trim()
    .normalize("NFKC")
    .toLowerCase()
    .replace(CURLY_APOSTROPHES, "'")
    .replace(CURLY_QUOTES, '"');
  return normaliseDates(dropLeadIns(question))
    .replace(PUNCTUATION_RUN, "$1")
    .replace(WHITESPACE_RUN, " ")
    .replace(SPACE_BEFORE_PUNCTUATION, "$1")
    .trim();
}

/** The question after its lead-ins, as long as something is left after them. */
function dropLeadIns(question: string): string {
  // A lead-in is dropped only when words follow it: "hey" alone stays the question.
  const end = question.trimEnd().length;
  let start = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const pattern of LEAD_INS) {
      pattern.lastIndex = start;
      const match = pattern.exec(question);
      const next = match ? start + match[0].length : start;
      if (next > start && next < end) {
        start = next;
        changed = true;
      }
    }
  }
  return question.slice(start);
}

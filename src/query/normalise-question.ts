import { stripSlackMarkup } from "./slack-markup.js";

/**
 * Chatter before the question itself, as people open a message in chat: greetings, apologies,
 * hedges and who is asking. Matched at the start only, repeatedly, so "hey bot, quick one: sorry
 * if this was asked already but …" comes down to the question.
 */
const LEAD_INS: readonly RegExp[] = [
  /^(hey|hi|hello|yo|ok|okay|so|um+|uh+|hmm+)\b( there)?( (bot|all|everyone|folks|team|guys))?[\s,.!:;-]*/,
  /^(quick|dumb|silly|random|small) (one|q|question)\b[\s,.!:;-]*/,
  /^sorry( if (this|that) (was|has been|is) (already )?(asked|answered)( already| before)?)?( but)?[\s,.!:;-]*/,
  /^(following up|to follow up|fwiw|btw|also|and|but)( on [^:,?]{1,40}[:,])?[\s,.!:;-]*/,
  /^(my|our) (manager|editor|boss|desk|team|lead|producer)( wants| needs| would like| asked| is asking)( me)?( to)?( know| find out| check)?( about)?( whether| if)?[\s,:]*/,
  /^(does|do|did|has|have|can|could) (anyone|anybody|someone|somebody|u|you)( here)?( (know|seen|heard|tell me|remember|have))?( about| of| if| whether)?[\s,:]*/,
  /^anyone (seen|know|heard|have)( about| if| whether)?[\s,:]*/,
  /^(i )?(need|want|looking for|trying to find)( to know| to find out)?( the)?[\s,:]*/,
  /^(can|could) (you|u) (tell me|check|confirm|find)( whether| if)?[\s,:]*/,
  /^(i was wondering|wondering|just wondering|curious)( about| if| whether)?[\s,:]*/,
];

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
    .replace(
      /\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?(?=\s*\d|\b)/g,
      (_, month: string) => MONTHS[month] ?? month,
    )
    .replace(/\b(\d{1,2})(st|nd|rd|th)\b/g, "$1");
}

/**
 * The one reading of a question that every caller (CLI, slash command, mention, DM) answers:
 * Slack markup gone, lower case, lead-in chatter dropped, dates spelled out, runs of punctuation
 * made one mark. Word-level rewriting against the corpus (compounds, demonyms) is done by
 * `rewriteAgainstVocabulary`, which needs the index.
 */
export function normaliseQuestion(text: string): string {
  let question = stripSlackMarkup(text)
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"');
  for (let changed = true; changed; ) {
    changed = false;
    for (const pattern of LEAD_INS) {
      const next = question.replace(pattern, "");
      if (next !== question && next.trim() !== "") {
        question = next;
        changed = true;
      }
    }
  }
  return normaliseDates(question)
    .replace(/([?!.])[?!.]+/g, "$1")
    .replace(/\s+([?!.,])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

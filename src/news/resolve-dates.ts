import { MONTH_NAMES, WEEKDAYS } from "./lexicon.js";

/** A date as precise as the text gives it: YYYY-MM-DD, YYYY-MM or YYYY. */
export interface ResolvedDate {
  date: string;
  /** True when the date rests on an inference (an inferred article date or year). */
  inferred: boolean;
}

/** A date expression found in a sentence, before it is resolved against a reference date. */
export type DateMention =
  | { kind: "day"; month: number; day: number; year: number | null; at: number }
  | { kind: "month"; month: number; year: number; at: number }
  | { kind: "year"; year: number; at: number }
  | { kind: "weekday"; weekday: number; at: number }
  | { kind: "offset"; days: number; precision: "day" | "month"; at: number };

const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const MONTH_DAY = new RegExp(
  String.raw`\b${MONTH} (\d{1,2})(?:st|nd|rd|th)?\b(?:,? ((?:19|20)\d{2})\b)?`,
  "g",
);
const DAY_MONTH = new RegExp(String.raw`\b(\d{1,2}) ${MONTH}(?:,? ((?:19|20)\d{2})\b)?`, "g");
const MONTH_YEAR = new RegExp(String.raw`\b${MONTH},? ((?:19|20)\d{2})\b`, "g");
const YEAR = /\b(?:in|since|by|from|until|of|during) ((?:19|20)\d{2})\b/g;
const WEEKDAY = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const OFFSETS: [RegExp, number, "day" | "month"][] = [
  [/\b(?:yesterday|last night)\b/gi, -1, "day"],
  [/\b(?:today|tonight|this morning|this afternoon|this evening)\b/gi, 0, "day"],
  [/\blast week\b/gi, -7, "month"],
];

function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, "");
  return MONTH_NAMES.findIndex((m) => m.startsWith(lower.slice(0, 3))) + 1;
}

/**
 * What every date expression below holds: a digit, or a word with one of these in it (weekdays,
 * "yesterday", "last night", "this morning", "last week"). Most sentences have none, and one scan
 * for them spares the eight scans that would find nothing.
 */
const MAY_HOLD_DATE = /\d|day|night|morning|afternoon|evening|week/i;

/** Every date expression of a sentence, in order of position. */
export function findDateMentions(sentence: string): DateMention[] {
  if (!MAY_HOLD_DATE.test(sentence)) return [];
  const mentions: DateMention[] = [];
  const taken: [number, number][] = [];
  const free = (at: number, end: number) => !taken.some(([s, e]) => at < e && end > s);
  const add = (mention: DateMention, length: number) => {
    if (!free(mention.at, mention.at + length)) return;
    taken.push([mention.at, mention.at + length]);
    mentions.push(mention);
  };
  for (const m of sentence.matchAll(MONTH_DAY)) {
    const day = Number(m[2]);
    if (day >= 1 && day <= 31) {
      const year = m[3] ? Number(m[3]) : null;
      add({ kind: "day", month: monthNumber(m[1] ?? ""), day, year, at: m.index }, m[0].length);
    }
  }
  for (const m of sentence.matchAll(DAY_MONTH)) {
    const day = Number(m[1]);
    if (day >= 1 && day <= 31) {
      const year = m[3] ? Number(m[3]) : null;
      add({ kind: "day", month: monthNumber(m[2] ?? ""), day, year, at: m.index }, m[0].length);
    }
  }
  for (const m of sentence.matchAll(MONTH_YEAR)) {
    add(
      { kind: "month", month: monthNumber(m[1] ?? ""), year: Number(m[2]), at: m.index },
      m[0].length,
    );
  }
  for (const m of sentence.matchAll(YEAR)) {
    const at = m.index + m[0].length - 4;
    add({ kind: "year", year: Number(m[1]), at }, 4);
  }
  for (const m of sentence.matchAll(WEEKDAY)) {
    const weekday = WEEKDAYS.indexOf((m[1] ?? "").toLowerCase() as (typeof WEEKDAYS)[number]);
    add({ kind: "weekday", weekday, at: m.index }, m[0].length);
  }
  for (const [pattern, days, precision] of OFFSETS) {
    for (const m of sentence.matchAll(pattern)) {
      add({ kind: "offset", days, precision, at: m.index }, m[0].length);
    }
  }
  return mentions.sort((a, b) => a.at - b.at);
}

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Adds days to an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const date = toDate(isoDate);
  date.setUTCDate(date.getUTCDate() + days);
  return iso(date);
}

/** The weekday (0 = Sunday) of an ISO date. */
export function weekdayOf(isoDate: string): number {
  return toDate(isoDate).getUTCDay();
}

/** A month and day without a year, in the latest year that puts it on or before `reference`. */
function dayBefore(month: number, day: number, reference: string): string {
  const year = Number(reference.slice(0, 4));
  const same = `${year}-${pad(month)}-${pad(day)}`;
  return same <= reference ? same : `${year - 1}-${pad(month)}-${pad(day)}`;
}

/**
 * Resolves a date mention against the date of its article, as news copy means it: "on Sunday" in
 * a Monday article is the day before, a month and day without a year is the last such day by the
 * article's date. `articleDate` may itself be inferred, and `reference` (the latest date the corpus
 * gives) stands in for an undated article's year; either makes the result inferred.
 */
export function resolveMention(
  mention: DateMention,
  article: ResolvedDate | null,
  reference: string | null,
): ResolvedDate | null {
  const inferred = article?.inferred ?? true;
  switch (mention.kind) {
    case "year":
      return { date: String(mention.year), inferred: false };
    case "month":
      return { date: `${mention.year}-${pad(mention.month)}`, inferred: false };
    case "day": {
      if (mention.year !== null) {
        return {
          date: `${mention.year}-${pad(mention.month)}-${pad(mention.day)}`,
          inferred: false,
        };
      }
      const against = article?.date ?? reference;
      if (!against) return null;
      return { date: dayBefore(mention.month, mention.day, against), inferred };
    }
    case "weekday": {
      if (!article) return null;
      const back = (weekdayOf(article.date) - mention.weekday + 7) % 7;
      return { date: addDays(article.date, -back), inferred };
    }
    case "offset": {
      if (!article) return null;
      const date = addDays(article.date, mention.days);
      return { date: mention.precision === "day" ? date : date.slice(0, 7), inferred };
    }
  }
}

// The calendar's English words, in one place: the corpus's dates, the news timeline and the question
// normaliser all read them.

/** Month names, lowercase, January first: a month's number is its index plus one. */
export const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** Weekday names, lowercase, Sunday first, as `Date.getUTCDay()` counts them. */
export const WEEKDAYS = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
] as const;

import { MONTH_NAMES } from "../text/calendar.js";

function isoIfReal(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** `2024-12-09` → the same string; anything else, or a day that does not exist, → null. */
export function parseIsoDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  return isoIfReal(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `December 09, 2024` or `9 December 2024` → `2024-12-09`; anything else → null. */
export function parseWrittenDate(value: string): string | null {
  const text = value.trim().toLowerCase();
  const monthFirst = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(text);
  const dayFirst = /^(\d{1,2}) ([a-z]+)\.?,? (\d{4})$/.exec(text);
  const [monthName, day, year] = monthFirst
    ? [monthFirst[1], monthFirst[2], monthFirst[3]]
    : dayFirst
      ? [dayFirst[2], dayFirst[1], dayFirst[3]]
      : [];
  if (!monthName || !day || !year) return null;
  const month = MONTH_NAMES.findIndex((m) => m === monthName || m.slice(0, 3) === monthName) + 1;
  if (month === 0) return null;
  return isoIfReal(Number(year), month, Number(day));
}

/** Today in UTC as YYYY-MM-DD. */
export function isoDay(nowMilliseconds: number): string {
  return new Date(nowMilliseconds).toISOString().slice(0, 10);
}

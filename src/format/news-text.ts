import { type LabelledSource, UNATTRIBUTED } from "../news/article-labels.js";
import type { SourceEntry } from "../news/sources.js";
import { attributionLabel } from "../news/speaker-label.js";
import type { TimelineEvent } from "../news/timeline.js";
import type { WhoQuote, WhoReport } from "../news/who.js";
import {
  INFERRED_DATE_MARK,
  quoteOnce,
  reportedByHeading,
  THIS_ARTICLE_ONLY,
} from "./answer-attribution.js";

/** What the views say when they have nothing to show. */
export const NO_EVENTS_TEXT = "No dated events in the articles match those words.";
export const NO_SOURCES_TEXT = "There are no articles.";
export const NO_STATEMENTS_TEXT = "The articles quote nobody by that name.";
/** Said of a person the articles name but never quote. */
export const NOT_QUOTED_TEXT = "The articles name them but quote nothing they said.";

/** The line before the passages that name a person without quoting them. */
export function mentionsHeading(shown: number, total: number): string {
  const places = total === 1 ? "1 passage" : `${total} passages`;
  return shown < total
    ? `Named without a quote in ${places}; the first ${shown}:`
    : `Named without a quote in ${places}:`;
}
export { INFERRED_DATE_MARK as INFERRED_MARK } from "./answer-attribution.js";
export const NO_ROLE_TEXT = "role not given";

function dateLabel(date: string | null, inferred: boolean): string {
  if (date === null) return "date not given";
  return inferred ? `${date} ${INFERRED_DATE_MARK}` : date;
}

function sourceText({ title, outlet, url }: LabelledSource) {
  return `${outlet} · ${title}${url ? ` · ${url}` : ""}`;
}

export function renderTimelineText(words: string, events: readonly TimelineEvent[]): string {
  if (events.length === 0) return NO_EVENTS_TEXT;
  const heading = words ? `Timeline: ${words}` : "Timeline";
  const lines = events.map(
    (e) => `${dateLabel(e.date, e.inferred)}  ${quoteOnce(e.text)}\n    — ${sourceText(e)}`,
  );
  return [heading, ...lines].join("\n");
}

export function renderSourcesText(sources: readonly SourceEntry[]): string {
  if (sources.length === 0) return NO_SOURCES_TEXT;
  return sources
    .map((s, i) => {
      const cites = [...s.cites.agencies, ...s.cites.people];
      return [
        `${i + 1}. ${s.title}`,
        `   ${s.outlet} · ${dateLabel(s.published, s.inferred)} · ${s.passages} passages`,
        s.url ? `   ${s.url}` : null,
        cites.length > 0 ? `   cites ${cites.join(", ")}` : null,
      ]
        .filter((line) => line !== null)
        .join("\n");
    })
    .join("\n\n");
}

/** One quote or mention of a person, numbered, with its source and who else reports it. */
function whoItemText(q: WhoQuote, n: number): string {
  const via = attributionLabel(null, q.via);
  const reporting = [q, ...q.reportedBy].map((r) =>
    r.outlet.startsWith(UNATTRIBUTED) ? quoteOnce(r.title) : r.outlet,
  );
  return [
    `${n}. ${quoteOnce(q.text)}`,
    `   — ${sourceText(q)}${via ? ` ${via}` : ""}`,
    q.reportedBy.length > 0
      ? `   ${reportedByHeading(reporting.length)}: ${reporting.join(", ")}`
      : `   ${THIS_ARTICLE_ONLY}`,
  ].join("\n");
}

export function renderWhoText(report: WhoReport): string {
  if (!report.found) return NO_STATEMENTS_TEXT;
  const lines = [`${report.name}, ${report.role ?? NO_ROLE_TEXT}`];
  if (report.quotes.length === 0) lines.push(NOT_QUOTED_TEXT);
  lines.push(...report.quotes.map((q, i) => whoItemText(q, i + 1)));
  if (report.mentions.length > 0) {
    lines.push(mentionsHeading(report.mentions.length, report.mentionTotal));
    lines.push(...report.mentions.map((q, i) => whoItemText(q, i + 1)));
  }
  return lines.join("\n");
}

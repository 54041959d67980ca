import type { SourceEntry } from "../news/sources.js";
import { attributionLabel } from "../news/speaker-label.js";
import type { TimelineEvent } from "../news/timeline.js";
import type { WhoReport } from "../news/who.js";
import type { Reply } from "../requests/answer-request.js";
import { HELP_HEADING, helpLines } from "../requests/help-text.js";
import { PLAIN_STYLE, renderAnswerText, type TextStyle } from "./render-text.js";

/** What the views say when they have nothing to show. */
export const NO_EVENTS_TEXT = "No dated events in the articles match those words.";
export const NO_SOURCES_TEXT = "There are no articles.";
export const NO_STATEMENTS_TEXT = "The articles quote nobody by that name.";
export const INFERRED_MARK = "(inferred)";
export const NO_ROLE_TEXT = "role not given";

function dateLabel(date: string | null, inferred: boolean): string {
  if (date === null) return "date not given";
  return inferred ? `${date} ${INFERRED_MARK}` : date;
}

function sourceText({ title, outlet, url }: { title: string; outlet: string; url: string | null }) {
  return `${outlet} · ${title}${url ? ` · ${url}` : ""}`;
}

export function renderTimelineText(words: string, events: readonly TimelineEvent[]): string {
  if (events.length === 0) return NO_EVENTS_TEXT;
  const heading = words ? `Timeline: ${words}` : "Timeline";
  const lines = events.map(
    (e) => `${dateLabel(e.date, e.inferred)}  “${e.text}”\n    — ${sourceText(e)}`,
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

export function renderWhoText(report: WhoReport): string {
  if (!report.found || report.quotes.length === 0) return NO_STATEMENTS_TEXT;
  const head = `${report.name}, ${report.role ?? NO_ROLE_TEXT}`;
  const quotes = report.quotes.map((q, i) => {
    const via = attributionLabel(null, q.via);
    const also = q.reportedBy.map((r) => r.outlet);
    return [
      `${i + 1}. “${q.text}”`,
      `   — ${sourceText(q)}${via ? ` ${via}` : ""}`,
      also.length > 0
        ? `   also reported by ${also.join(", ")}`
        : "   reported by this article only",
    ].join("\n");
  });
  return [head, ...quotes].join("\n");
}

/** Any reply for a terminal. Questions render as before; news views as lists. */
export function renderReplyText(reply: Reply, style: TextStyle = PLAIN_STYLE): string {
  switch (reply.kind) {
    case "help":
      return [HELP_HEADING, ...helpLines(reply.commandName).map((l) => `  ${l}`)].join("\n");
    case "sources":
      return renderSourcesText(reply.sources);
    case "timeline":
      return renderTimelineText(reply.words, reply.events);
    case "who":
      return renderWhoText(reply.report);
    case "question":
      return renderAnswerText(reply.answer, style);
  }
}

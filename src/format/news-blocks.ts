import { type LabelledSource, UNATTRIBUTED } from "../news/article-labels.js";
import type { SourceEntry } from "../news/sources.js";
import type { TimelineEvent } from "../news/timeline.js";
import type { WhoQuote, WhoReport } from "../news/who.js";
import { quoteOnce, reportedByHeading, THIS_ARTICLE_ONLY } from "./answer-attribution.js";
import type { Block, SlackMessage } from "./blocks.js";
import { escapeMrkdwn, mrkdwnLink, stripEmphasisMarks, truncateOnWord } from "./mrkdwn.js";
import {
  INFERRED_MARK,
  mentionsHeading,
  NO_EVENTS_TEXT,
  NO_ROLE_TEXT,
  NO_SOURCES_TEXT,
  NO_STATEMENTS_TEXT,
  NOT_QUOTED_TEXT,
} from "./news-text.js";
import {
  FALLBACK_TEXT_MAX,
  MAX_BLOCKS,
  PASSAGE_TEXT_MAX,
  SECTION_TEXT_MAX,
} from "./slack-limits.js";

/** Said when a view has more than one message can hold. */
export function moreText(count: number): string {
  return `…and ${count} more, not shown here.`;
}

/** An item's source in mrkdwn: outlet, then the title linked to the article where known. */
function sourceMrkdwn(source: LabelledSource): string {
  const title = source.url ? mrkdwnLink(source.url, source.title) : escapeMrkdwn(source.title);
  return `${escapeMrkdwn(source.outlet)} · ${title}`;
}

/** A reporting article's name in a list: its outlet, or its title where it names no outlet. */
function reportingMrkdwn(source: LabelledSource): string {
  const label = stripEmphasisMarks(
    source.outlet.startsWith(UNATTRIBUTED) ? quoteOnce(source.title) : source.outlet,
  );
  return source.url ? mrkdwnLink(source.url, label) : escapeMrkdwn(label);
}

function quoteMrkdwn(text: string): string {
  return `> ${escapeMrkdwn(truncateOnWord(stripEmphasisMarks(text), PASSAGE_TEXT_MAX))}`;
}

function dateMrkdwn(date: string | null, inferred: boolean): string {
  if (date === null) return "date not given";
  return inferred ? `*${date}* _${INFERRED_MARK}_` : `*${date}*`;
}

function section(text: string): Block {
  return {
    type: "section",
    text: { type: "mrkdwn", text: truncateOnWord(text, SECTION_TEXT_MAX) },
  };
}

/** A heading, then one section per item, within Slack's block limit. */
function listMessage(fallback: string, heading: string, items: readonly string[]): SlackMessage {
  const room = MAX_BLOCKS - 2;
  const blocks: Block[] = [section(heading)];
  for (const item of items.slice(0, room)) blocks.push(section(item));
  if (items.length > room) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: moreText(items.length - room) }],
    });
  }
  return { text: truncateOnWord(escapeMrkdwn(fallback), FALLBACK_TEXT_MAX), blocks };
}

/** A message of one line of text, for a view with nothing to list. */
export function textMessage(text: string): SlackMessage {
  return { text, blocks: [section(escapeMrkdwn(text))] };
}

export function renderTimelineMessage(
  words: string,
  events: readonly TimelineEvent[],
): SlackMessage {
  if (events.length === 0) return textMessage(NO_EVENTS_TEXT);
  const heading = words ? `*Timeline: ${escapeMrkdwn(stripEmphasisMarks(words))}*` : "*Timeline*";
  const items = events.map(
    (e) => `${dateMrkdwn(e.date, e.inferred)}\n${quoteMrkdwn(e.text)}\n${sourceMrkdwn(e)}`,
  );
  return listMessage(`Timeline: ${events.length} dated events`, heading, items);
}

export function renderSourcesMessage(sources: readonly SourceEntry[]): SlackMessage {
  if (sources.length === 0) return textMessage(NO_SOURCES_TEXT);
  const items = sources.map((s) => {
    const cites = [...s.cites.agencies, ...s.cites.people];
    const lines = [
      `*${s.url ? mrkdwnLink(s.url, stripEmphasisMarks(s.title)) : escapeMrkdwn(stripEmphasisMarks(s.title))}*`,
      `${escapeMrkdwn(s.outlet)} · ${dateMrkdwn(s.published, s.inferred)} · ${s.passages} passages`,
    ];
    if (cites.length > 0) lines.push(`cites ${escapeMrkdwn(cites.join(", "))}`);
    return lines.join("\n");
  });
  return listMessage(
    `Sources: ${sources.length} articles`,
    `*Sources* (${sources.length} articles)`,
    items,
  );
}

/** One quote or mention of a person: the text, its source, who else reports it. */
function whoItemMrkdwn(q: WhoQuote): string {
  const via = q.via.length > 0 ? ` (via ${escapeMrkdwn(q.via.join(", "))})` : "";
  const also =
    q.reportedBy.length > 0
      ? `${reportedByHeading(q.reportedBy.length + 1)}: ${[q, ...q.reportedBy].map(reportingMrkdwn).join(", ")}`
      : THIS_ARTICLE_ONLY;
  return `${quoteMrkdwn(q.text)}\n${sourceMrkdwn(q)}${via}\n${also}`;
}

export function renderWhoMessage(report: WhoReport): SlackMessage {
  if (!report.found) return textMessage(NO_STATEMENTS_TEXT);
  const name = escapeMrkdwn(stripEmphasisMarks(report.name));
  const heading = `*${name}*, ${escapeMrkdwn(report.role ?? NO_ROLE_TEXT)}`;
  const items = report.quotes.map(whoItemMrkdwn);
  if (report.quotes.length === 0) items.push(`_${escapeMrkdwn(NOT_QUOTED_TEXT)}_`);
  if (report.mentions.length > 0) {
    items.push(`_${escapeMrkdwn(mentionsHeading(report.mentions.length, report.mentionTotal))}_`);
    items.push(...report.mentions.map(whoItemMrkdwn));
  }
  const fallback =
    report.quotes.length > 0
      ? `${report.name}: ${report.quotes.length} statements`
      : `${report.name}: ${NOT_QUOTED_TEXT}`;
  return listMessage(fallback, heading, items);
}

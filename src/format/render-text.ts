import type { Answer, AnswerItem } from "../answer/answer.js";
import { citedPassage, type NewsFields } from "../news/news-fields.js";
import { attributionLabel } from "../news/speaker-label.js";
import { markGaps } from "../passages/mark-gaps.js";
import {
  citedDate,
  REPRINTS_HEADING,
  reportedByHeading,
  reportingArticles,
  reportingName,
  reprintingArticles,
  THIS_ARTICLE_ONLY,
  withReprinting,
} from "./answer-attribution.js";
import { withCommand } from "./help-text.js";
import { highlightTerms } from "./highlight.js";
import { NO_MATCH_TEXT, SUGGESTIONS_HEADING, TENTATIVE_TEXT } from "./messages.js";

export interface TextStyle {
  /** Wraps a word that matched the question. */
  emphasis: (text: string) => string;
  /** Wraps the sentence that best answers the question. */
  answer: (text: string) => string;
}

export const ANSI_STYLE: TextStyle = {
  emphasis: (text) => `\u001b[1m${text}\u001b[22m`,
  answer: (text) => `\u001b[4m${text}\u001b[24m`,
};

export const PLAIN_STYLE: TextStyle = {
  emphasis: (text) => `**${text}**`,
  answer: (text) => `_${text}_`,
};

/** What a terminal answer adds to the passages: the news fields, and the command for suggestions. */
export interface TextAnswerOptions {
  /** Who said each item, who relayed it and who else reports it (`newsFieldsOfAnswer`). */
  news?: readonly NewsFields[];
  /** How suggestions name the command ("npm run ask --"). */
  commandName?: string;
}

function renderQuote(item: AnswerItem, style: TextStyle): string {
  return item.passage.sentences
    .map((sentence, i) => {
      const emphasised = highlightTerms(markGaps(sentence), item.matchedTerms)
        .map((s) => (s.emphasis ? style.emphasis(s.text) : s.text))
        .join("");
      const marked = i === item.answerSentence && item.passage.sentences.length > 1;
      return marked ? style.answer(emphasised) : emphasised;
    })
    .join(" ");
}

/** "Reported by 3 articles: The Daily, Radio One, …", or "Reported by this article only". */
export function corroborationText(fields: NewsFields): string {
  const articles = reportingArticles(fields);
  const reprints = reprintingArticles(fields);
  const note =
    reprints.length > 0 ? `; ${REPRINTS_HEADING}: ${reprints.map(reportingName).join(", ")}` : "";
  if (articles.length <= 1) return `${THIS_ARTICLE_ONLY}${note}`;
  return `${reportedByHeading(articles.length)}: ${articles.map(reportingName).join(", ")}${note}`;
}

function renderSource(item: AnswerItem, fields: NewsFields | undefined): string {
  const source = fields?.source ?? citedPassage(item.passage);
  const lines: string[] = [];
  const speaker = fields ? attributionLabel(fields.speaker, fields.via) : null;
  if (speaker) lines.push(`   ${speaker}`);
  const outlet = withReprinting(source, source.outlet);
  lines.push(`   — ${[outlet, source.title, citedDate(source)].join(" · ")}`);
  if (source.url) lines.push(`     ${source.url}`);
  if (fields) lines.push(`   ${corroborationText(fields)}`);
  return lines.join("\n");
}

/**
 * An answer for a terminal: numbered quotes (scraper holes shown as "[…]"), each followed by who
 * said it, its source and how many articles report it.
 */
export function renderAnswerText(
  answer: Answer,
  style: TextStyle = PLAIN_STYLE,
  options: TextAnswerOptions = {},
): string {
  if (answer.items.length === 0) {
    const suggestions = answer.suggestions ?? [];
    if (suggestions.length === 0) return NO_MATCH_TEXT;
    const lines = suggestions.map((q) => `  • ${withCommand(options.commandName, q)}`);
    return `${NO_MATCH_TEXT}\n\n${SUGGESTIONS_HEADING}\n${lines.join("\n")}`;
  }
  const quotes = answer.items
    .map(
      (item, i) =>
        `${i + 1}. ${renderQuote(item, style)}\n${renderSource(item, options.news?.[i])}`,
    )
    .join("\n\n");
  return answer.confidence === "tentative" ? `${TENTATIVE_TEXT}\n\n${quotes}` : quotes;
}

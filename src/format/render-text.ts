import type { Answer, AnswerItem } from "../answer/answer.js";
import { highlightTerms } from "./highlight.js";
import { NO_MATCH_TEXT, SUGGESTIONS_HEADING, TENTATIVE_TEXT } from "./messages.js";
import { formatDate, outletLabel, titleLabel } from "./source-label.js";

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

function renderQuote(item: AnswerItem, style: TextStyle): string {
  return item.passage.sentences
    .map((sentence, i) => {
      const emphasised = highlightTerms(sentence, item.matchedTerms)
        .map((s) => (s.emphasis ? style.emphasis(s.text) : s.text))
        .join("");
      const marked = i === item.answerSentence && item.passage.sentences.length > 1;
      return marked ? style.answer(emphasised) : emphasised;
    })
    .join(" ");
}

function renderSource(item: AnswerItem): string {
  const { passage } = item;
  const parts = [outletLabel(passage), titleLabel(passage), formatDate(passage.published)];
  const lines = [`   — ${parts.join(" · ")}`];
  if (passage.url) lines.push(`     ${passage.url}`);
  for (const other of item.alsoReportedBy) {
    lines.push(`     also reported by ${outletLabel(other)}${other.url ? ` (${other.url})` : ""}`);
  }
  return lines.join("\n");
}

/** An answer for a terminal: numbered quotes, each followed by its source. */
export function renderAnswerText(answer: Answer, style: TextStyle = PLAIN_STYLE): string {
  if (answer.items.length === 0) {
    const suggestions = answer.suggestions ?? [];
    if (suggestions.length === 0) return NO_MATCH_TEXT;
    return `${NO_MATCH_TEXT}\n\n${SUGGESTIONS_HEADING}\n${suggestions.map((q) => `  • ${q}`).join("\n")}`;
  }
  const quotes = answer.items
    .map((item, i) => `${i + 1}. ${renderQuote(item, style)}\n${renderSource(item)}`)
    .join("\n\n");
  return answer.confidence === "tentative" ? `${TENTATIVE_TEXT}\n\n${quotes}` : quotes;
}

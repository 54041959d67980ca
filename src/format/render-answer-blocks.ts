import type { Answer, AnswerItem, SourceRef } from "../answer/answer.js";
import type { Block, SlackMessage } from "./blocks.js";
import { highlightTerms } from "./highlight.js";
import { HELP_INTRO, NO_MATCH_TEXT, SUGGESTIONS_HEADING, TENTATIVE_TEXT } from "./messages.js";
import { escapeMrkdwn, mrkdwnLink, stripEmphasisMarks, truncateOnWord } from "./mrkdwn.js";
import {
  BUTTON_VALUE_MAX,
  CONTEXT_TEXT_MAX,
  FALLBACK_TEXT_MAX,
  PASSAGE_TEXT_MAX,
  QUESTION_ECHO_MAX,
  SECTION_TEXT_MAX,
} from "./slack-limits.js";
import { formatDate, outletLabel, titleLabel } from "./source-label.js";

export const SHARE_ACTION_ID = "share_answer";
export const SHARE_BUTTON_TEXT = "Share in channel";

/** A sentence in mrkdwn: escaped, matched words in bold. */
function renderSentence(sentence: string, terms: readonly string[]): string {
  return highlightTerms(stripEmphasisMarks(sentence), terms)
    .map((s) => (s.emphasis ? `*${escapeMrkdwn(s.text)}*` : escapeMrkdwn(s.text)))
    .join("");
}

/** The quote, the answer sentence in italics, cut to fit a section. */
export function renderQuote(item: AnswerItem): string {
  const sentences = item.passage.sentences.map((sentence, i) => {
    const cut = truncateOnWord(sentence, PASSAGE_TEXT_MAX / item.passage.sentences.length);
    const text = renderSentence(cut, item.matchedTerms);
    return i === item.answerSentence && item.passage.sentences.length > 1 ? `_${text}_` : text;
  });
  // Escaping can lengthen text (& → &amp;): the final cut is on the escaped text.
  return truncateOnWord(`> ${sentences.join(" ")}`, SECTION_TEXT_MAX);
}

/** `Outlet · <url|Title> · 9 Dec 2024`: the title is a link where the url is known. */
export function renderSourceLine(source: SourceRef): string {
  const title = source.url
    ? mrkdwnLink(source.url, titleLabel(source))
    : escapeMrkdwn(titleLabel(source));
  return `${escapeMrkdwn(outletLabel(source))} · ${title} · ${formatDate(source.published)}`;
}

function renderAlsoReported(sources: readonly SourceRef[]): string {
  const names = sources.map((s) =>
    s.url ? mrkdwnLink(s.url, outletLabel(s)) : escapeMrkdwn(outletLabel(s)),
  );
  return `Also reported by ${names.join(", ")}`;
}

function itemBlocks(item: AnswerItem): Block[] {
  const context = [renderSourceLine(item.passage)];
  if (item.alsoReportedBy.length > 0) context.push(renderAlsoReported(item.alsoReportedBy));
  return [
    { type: "section", text: { type: "mrkdwn", text: renderQuote(item) } },
    {
      type: "context",
      elements: context.map((text) => ({
        type: "mrkdwn",
        text: truncateOnWord(text, CONTEXT_TEXT_MAX),
      })),
    },
  ];
}

function questionContext(question: string): Block {
  const echo = truncateOnWord(
    escapeMrkdwn(question.replace(/\s+/g, " ").trim()),
    QUESTION_ECHO_MAX,
  );
  return { type: "context", elements: [{ type: "mrkdwn", text: `You asked: ${echo}` }] };
}

/** The plain-text fallback: the best answer sentence and its outlet. */
function fallbackText(answer: Answer): string {
  const first = answer.items[0];
  if (!first) return NO_MATCH_TEXT;
  const sentence = first.passage.sentences[first.answerSentence] ?? first.passage.text;
  return truncateOnWord(
    escapeMrkdwn(`“${stripEmphasisMarks(sentence)}” (${outletLabel(first.passage)})`),
    FALLBACK_TEXT_MAX,
  );
}

export interface RenderOptions {
  /** Add a "Share in channel" button (for replies only the asker sees). */
  shareable?: boolean;
  /** Slack user ID of who shared the answer into the channel. */
  sharedBy?: string;
}

/**
 * An answer as a Slack message: for each passage, the quote with matched words in bold and the
 * answer sentence in italics, then its source line. No match gives the no-match message.
 */
export function renderAnswerMessage(answer: Answer, options: RenderOptions = {}): SlackMessage {
  if (answer.items.length === 0)
    return renderNoMatchMessage(answer.question, answer.suggestions ?? []);
  const blocks: Block[] = [questionContext(answer.question)];
  // A tentative reply says so before its passages, so nobody takes them for an answer.
  if (answer.confidence === "tentative")
    blocks.push({ type: "section", text: { type: "mrkdwn", text: TENTATIVE_TEXT } });
  answer.items.forEach((item, i) => {
    if (i > 0) blocks.push({ type: "divider" });
    blocks.push(...itemBlocks(item));
  });
  if (options.sharedBy) {
    blocks.push({
      type: "context",
      elements: [
        { type: "mrkdwn", text: `Shared by <@${options.sharedBy.replace(/[^A-Z0-9]/gi, "")}>` },
      ],
    });
  }
  if (options.shareable) {
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: SHARE_ACTION_ID,
          text: { type: "plain_text", text: SHARE_BUTTON_TEXT },
          value: answer.question.slice(0, BUTTON_VALUE_MAX),
        },
      ],
    });
  }
  const text = fallbackText(answer);
  return { text: answer.confidence === "tentative" ? `${TENTATIVE_TEXT} ${text}` : text, blocks };
}

function examplesText(examples: readonly string[]): string {
  return examples.map((q) => `• \`/syria ${escapeMrkdwn(q)}\``).join("\n");
}

/**
 * Usage: what the bot does and questions it can answer: `examples`, from `suggestQuestions`, so
 * they come from the articles and always work.
 */
export function renderHelpMessage(examples: readonly string[] = []): SlackMessage {
  const how = "Ask with `/syria &lt;question&gt;`, by mentioning me, or in a direct message.";
  return {
    text: HELP_INTRO,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: HELP_INTRO } },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: examples.length > 0 ? `${how} For example:\n${examplesText(examples)}` : how,
        },
      },
    ],
  };
}

/**
 * The articles do not answer: say so plainly, never show weak hits, and suggest questions they
 * do answer (generated from them).
 */
export function renderNoMatchMessage(
  question: string,
  suggestions: readonly string[] = [],
): SlackMessage {
  const blocks: Block[] = [
    questionContext(question),
    { type: "section", text: { type: "mrkdwn", text: NO_MATCH_TEXT } },
  ];
  if (suggestions.length > 0) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `${SUGGESTIONS_HEADING}\n${examplesText(suggestions)}` },
    });
  }
  return { text: NO_MATCH_TEXT, blocks };
}

import type { Answer, AnswerItem } from "../answer/answer.js";
import { type CitedArticle, citedPassage, type NewsFields } from "../news/news-fields.js";
import { attributionLabel } from "../news/speaker-label.js";
import { markGaps } from "../passages/mark-gaps.js";
import { cutAtGrapheme } from "../text/cut-text.js";
import {
  citedDate,
  quoteOnce,
  REPRINTS_HEADING,
  reportedByHeading,
  reportingArticles,
  reportingName,
  reprintingArticles,
  THIS_ARTICLE_ONLY,
  withReprinting,
} from "./answer-attribution.js";
import type { Block, Button, SlackMessage } from "./blocks.js";
import {
  EXAMPLES_HEADING,
  HELP_HEADING,
  HELP_REQUESTS,
  type HelpContent,
  helpIntro,
  withCommand,
} from "./help-text.js";
import { highlightTerms } from "./highlight.js";
import { NO_MATCH_TEXT, SUGGESTIONS_HEADING, TENTATIVE_TEXT } from "./messages.js";
import { escapeMrkdwn, mrkdwnLink, stripEmphasisMarks, truncateOnWord } from "./mrkdwn.js";
import { CHOOSE_PASSAGE_ACTION_ID, CHOOSE_PASSAGE_TEXT, encodeChoice } from "./passage-choice.js";
import {
  BUTTON_VALUE_MAX,
  CONTEXT_TEXT_MAX,
  FALLBACK_TEXT_MAX,
  MAX_BLOCKS,
  PASSAGE_TEXT_MAX,
  QUESTION_ECHO_MAX,
  SECTION_TEXT_MAX,
} from "./slack-limits.js";

export const SHARE_ACTION_ID = "share_answer";
export const SHARE_BUTTON_TEXT = "Share in channel";
/** Slack help only: the ways to ask besides the command. */
export const ASK_ANYWHERE_TEXT =
  "You can also mention me in a channel or send me a direct message.";

/** A sentence in mrkdwn: scraper holes marked, escaped, matched words in bold. */
function renderSentence(sentence: string, terms: readonly string[]): string {
  return highlightTerms(markGaps(stripEmphasisMarks(sentence)), terms)
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

/** A title or outlet shown as a link label is cut to this, so a line of links stays readable. */
const LABEL_MAX = 120;

function articleLink(article: CitedArticle, label: string): string {
  const clean = truncateOnWord(stripEmphasisMarks(label), LABEL_MAX);
  return article.url ? mrkdwnLink(article.url, clean) : escapeMrkdwn(clean);
}

/**
 * `Outlet · <url|Title> · 9 Dec 2024`: the outlet, or what the article gives in its place
 * ("unattributed, citing TASS and AFP"); the title linked where the url is known.
 */
export function renderSourceLine(article: CitedArticle): string {
  const name = truncateOnWord(stripEmphasisMarks(article.outlet), LABEL_MAX);
  const outlet = escapeMrkdwn(withReprinting(article, name));
  return `${outlet} · ${articleLink(article, article.title)} · ${citedDate(article)}`;
}

/** `*Dmitry Peskov, Kremlin spokesman* (via TASS)`, or null when nobody is named or relays. */
export function renderSpeakerLine(fields: NewsFields): string | null {
  const label = (text: string) => escapeMrkdwn(truncateOnWord(stripEmphasisMarks(text), LABEL_MAX));
  const speaker = fields.speaker ? `*${label(fields.speaker)}*` : null;
  return attributionLabel(speaker, fields.via.map(label));
}

/** Room for the links of "Reported by …", so the whole context stays within its limit. */
const CORROBORATION_MAX = CONTEXT_TEXT_MAX / 2;

/**
 * "Reported by 3 articles: <links>", or "Reported by this article only". Links that do not fit
 * are counted ("and 4 more"), never cut, since half a link breaks the mrkdwn.
 */
export function renderCorroboration(fields: NewsFields): string {
  const articles = reportingArticles(fields);
  const reprints = reprintingArticles(fields);
  // The reprints share the room of the reports, so the context stays within its limit.
  const room = reprints.length === 0 ? CORROBORATION_MAX : (CORROBORATION_MAX * 2) / 3;
  const line =
    articles.length <= 1
      ? THIS_ARTICLE_ONLY
      : linkList(`${reportedByHeading(articles.length)}:`, articles, room);
  return reprints.length === 0
    ? line
    : linkList(`${line}; ${REPRINTS_HEADING}:`, reprints, CORROBORATION_MAX);
}

/** `line` followed by links to `articles` while they fit in `max`, the rest counted. */
function linkList(line: string, articles: readonly CitedArticle[], max: number): string {
  let text = line;
  for (const [i, article] of articles.entries()) {
    const link = `${i > 0 ? "," : ""} ${articleLink(article, reportingName(article))}`;
    if (i > 0 && text.length + link.length > max) return `${text} and ${articles.length - i} more`;
    text += link;
  }
  return text;
}

/** The button beside a passage of a tentative answer: "This one answers it". */
function choiceButton(answer: Answer, answerId: string, item: AnswerItem): Button {
  return {
    type: "button",
    action_id: CHOOSE_PASSAGE_ACTION_ID,
    text: { type: "plain_text", text: CHOOSE_PASSAGE_TEXT },
    value: encodeChoice(answerId, answer.question, item.passage.url ?? item.passage.id),
  };
}

function itemBlocks(
  item: AnswerItem,
  fields: NewsFields | undefined,
  choice: Button | null = null,
): Block[] {
  const context: string[] = [];
  const speaker = fields ? renderSpeakerLine(fields) : null;
  if (speaker) context.push(speaker);
  context.push(renderSourceLine(fields?.source ?? citedPassage(item.passage)));
  if (fields) context.push(renderCorroboration(fields));
  // One element, a line each: Slack lays a context's elements side by side.
  return [
    {
      type: "section",
      text: { type: "mrkdwn", text: renderQuote(item) },
      ...(choice ? { accessory: choice } : {}),
    },
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: truncateOnWord(context.join("\n"), CONTEXT_TEXT_MAX) }],
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

/**
 * The notification text: the best answer sentence, quoted once (a sentence with quotation marks
 * of its own keeps them and gets no more), then who said it or where it is from.
 */
export function fallbackText(answer: Answer, news: readonly NewsFields[] = []): string {
  const first = answer.items[0];
  if (!first) return NO_MATCH_TEXT;
  const sentence = first.passage.sentences[first.answerSentence] ?? first.passage.text;
  const fields = news[0];
  const source = fields
    ? (fields.speaker ?? fields.source.outlet)
    : citedPassage(first.passage).outlet;
  const quote = quoteOnce(markGaps(stripEmphasisMarks(sentence)));
  return truncateOnWord(
    escapeMrkdwn(`${quote} (${stripEmphasisMarks(source)})`),
    FALLBACK_TEXT_MAX,
  );
}

export interface RenderOptions {
  /** Add a "Share in channel" button (for replies only the asker sees). */
  shareable?: boolean;
  /** Slack user ID of who shared the answer into the channel. */
  sharedBy?: string;
  /** Who said each item, who relayed it and who else reports it (`newsFieldsOfAnswer`). */
  news?: readonly NewsFields[];
  /** How suggestions name the command ("/ask"); bare questions where absent (mentions, DMs). */
  commandName?: string;
  /**
   * The answer's id (as its feedback buttons carry it): a tentative answer then offers each
   * passage with a "This one answers it" button. Absent: no such buttons.
   */
  choiceFor?: string;
}

/** Blocks an answer keeps free for the closing context and actions. */
const RESERVED_BLOCKS = 3;

/**
 * An answer as a Slack message: for each passage, the quote with matched words in bold and the
 * answer sentence in italics, then who said it, its source line and how many articles report it.
 * No match gives the no-match message.
 */
export function renderAnswerMessage(answer: Answer, options: RenderOptions = {}): SlackMessage {
  if (answer.items.length === 0)
    return renderNoMatchMessage(answer.question, answer.suggestions ?? [], options.commandName);
  const blocks: Block[] = [questionContext(answer.question)];
  // A tentative reply says so before its passages, so nobody takes them for an answer.
  if (answer.confidence === "tentative")
    blocks.push({ type: "section", text: { type: "mrkdwn", text: TENTATIVE_TEXT } });
  // A tentative reply lets the reader say which passage answers it (passage-choice.ts).
  const choiceFor = answer.confidence === "tentative" ? options.choiceFor : undefined;
  answer.items.forEach((item, i) => {
    const choice = choiceFor ? choiceButton(answer, choiceFor, item) : null;
    const next = itemBlocks(item, options.news?.[i], choice);
    if (blocks.length + next.length + 1 > MAX_BLOCKS - RESERVED_BLOCKS) return;
    if (i > 0) blocks.push({ type: "divider" });
    blocks.push(...next);
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
          value: cutAtGrapheme(answer.question, BUTTON_VALUE_MAX),
        },
      ],
    });
  }
  const text = fallbackText(answer, options.news);
  return { text: answer.confidence === "tentative" ? `${TENTATIVE_TEXT} ${text}` : text, blocks };
}

/** Questions as the asker would type them: "• `/ask who granted asylum`". */
export function examplesText(examples: readonly string[], commandName?: string): string {
  return examples
    .map((q) => `• \`${escapeMrkdwn(stripEmphasisMarks(withCommand(commandName, q)))}\``)
    .join("\n");
}

function section(text: string): Block {
  return {
    type: "section",
    text: { type: "mrkdwn", text: truncateOnWord(text, SECTION_TEXT_MAX) },
  };
}

/**
 * Help: what the bot does, each request with the command the asker used, and example questions.
 * The one help for every Slack surface; the terminal's is `renderHelpText`.
 */
export function renderHelpMessage(help: HelpContent = {}): SlackMessage {
  const intro = helpIntro(help.articles);
  const usage = HELP_REQUESTS.map(
    (r) => `• \`${escapeMrkdwn(withCommand(help.commandName, r.usage))}\`: ${escapeMrkdwn(r.does)}`,
  );
  const blocks: Block[] = [
    section(escapeMrkdwn(intro)),
    section(`${HELP_HEADING}\n${usage.join("\n")}`),
  ];
  const examples = help.examples ?? [];
  if (examples.length > 0)
    blocks.push(section(`${EXAMPLES_HEADING}\n${examplesText(examples, help.commandName)}`));
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: ASK_ANYWHERE_TEXT }] });
  return { text: intro, blocks };
}

/**
 * The articles do not answer: say so plainly, never show weak hits, and suggest questions they
 * do answer (generated from them), typed with the asker's command.
 */
export function renderNoMatchMessage(
  question: string,
  suggestions: readonly string[] = [],
  commandName?: string,
): SlackMessage {
  const blocks: Block[] = [
    questionContext(question),
    { type: "section", text: { type: "mrkdwn", text: NO_MATCH_TEXT } },
  ];
  if (suggestions.length > 0) {
    blocks.push(section(`${SUGGESTIONS_HEADING}\n${examplesText(suggestions, commandName)}`));
  }
  return { text: NO_MATCH_TEXT, blocks };
}

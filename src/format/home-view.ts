import type { Block } from "./blocks.js";
import { escapeMrkdwn, truncateOnWord } from "./mrkdwn.js";
import { SECTION_TEXT_MAX } from "./slack-limits.js";
import { formatDate } from "./source-label.js";

/** What the bot knows, counted from the corpus it serves. */
export interface CorpusStats {
  articles: number;
  outlets: number;
  passages: number;
  /** Earliest and latest publication dates (`YYYY-MM-DD`), null when no article is dated. */
  firstPublished: string | null;
  lastPublished: string | null;
}

/** A Block Kit `home` view, for `views.publish`. */
export interface HomeView {
  type: "home";
  blocks: Block[];
}

export const HOME_TITLE = "*What I can answer*";
export const HOME_QUOTES_ONLY =
  "I answer by quoting the passages of news articles that match your question, each with its outlet, title, link and date. I never make up an answer: when nothing matches, I say so.";
export const HOME_HOW_TO_ASK_TITLE = "*How to ask*";
export const HOME_EXAMPLES_TITLE = "*Try asking*";
export const HOME_FOLLOW_UP_TEXT =
  "After I answer in a thread, ask a follow-up there without mentioning me: I read it with the thread's earlier question.";
/** How many example questions the home view shows. */
export const HOME_EXAMPLES = 3;

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** "12 articles from 7 outlets, 5 Dec 2024 to 9 Dec 2024, split into 340 passages." */
export function describeCorpus(stats: CorpusStats): string {
  const what = `${plural(stats.articles, "news article", "news articles")} from ${plural(stats.outlets, "outlet", "outlets")}`;
  const { firstPublished: first, lastPublished: last } = stats;
  let when = "";
  if (first !== null && last !== null) {
    when =
      first === last
        ? `, published ${formatDate(first)}`
        : `, published ${formatDate(first)} to ${formatDate(last)}`;
  }
  return `I know ${what}${when}, split into ${plural(stats.passages, "passage", "passages")}.`;
}

function section(text: string): Block {
  return {
    type: "section",
    text: { type: "mrkdwn", text: truncateOnWord(text, SECTION_TEXT_MAX) },
  };
}

/**
 * The App Home tab: what the bot knows (articles, outlets, dates, passages), the three ways to ask,
 * and example questions (passed in, chosen from the corpus by the caller), all escaped for mrkdwn.
 */
export function renderHomeView(
  stats: CorpusStats,
  examples: readonly string[],
  commandName: string,
  /** More blocks at the end: the live desk's feeds (home-desk.ts). */
  extra: readonly Block[] = [],
): HomeView {
  const command = escapeMrkdwn(commandName.startsWith("/") ? commandName : `/${commandName}`);
  const blocks: Block[] = [
    section(`${HOME_TITLE}\n${escapeMrkdwn(describeCorpus(stats))}\n${HOME_QUOTES_ONLY}`),
    { type: "divider" },
    section(
      [
        HOME_HOW_TO_ASK_TITLE,
        `• Type \`${command} your question\` in any channel.`,
        "• Mention me in a channel I am in, with your question.",
        "• Send me a direct message, in the Messages tab.",
        HOME_FOLLOW_UP_TEXT,
      ].join("\n"),
    ),
  ];
  const shown = examples.slice(0, HOME_EXAMPLES);
  if (shown.length > 0) {
    blocks.push({ type: "divider" });
    const lines = shown.map(
      (q) => `• \`${command} ${escapeMrkdwn(q.replace(/[`\n]/g, " ").trim())}\``,
    );
    blocks.push(section([HOME_EXAMPLES_TITLE, ...lines].join("\n")));
  }
  blocks.push(...extra);
  return { type: "home", blocks };
}

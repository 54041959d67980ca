import type { Digest, DigestArticle, DigestHighlight } from "../news/digest.js";
import type { Block, SlackMessage } from "./blocks.js";
import { slashOnlyText } from "./desk-text.js";
import { escapeMrkdwn, mrkdwnLink, stripEmphasisMarks, truncateOnWord } from "./mrkdwn.js";
import { CONTEXT_TEXT_MAX, FALLBACK_TEXT_MAX, SECTION_TEXT_MAX } from "./slack-limits.js";
import { formatDate } from "./source-label.js";

/** Articles a digest lists one by one; the rest are counted. Keeps it readable and under 50 blocks. */
export const DIGEST_ARTICLES_SHOWN = 10;
export const DIGEST_HIGHLIGHTS_HEADING = "*What they add*";

function section(text: string): Block {
  return {
    type: "section",
    text: { type: "mrkdwn", text: truncateOnWord(text, SECTION_TEXT_MAX) },
  };
}

function context(text: string): Block {
  return {
    type: "context",
    elements: [{ type: "mrkdwn", text: truncateOnWord(text, CONTEXT_TEXT_MAX) }],
  };
}

/** "New on the story: 1 article" / "… 3 articles". */
export function digestHeading(articles: number): string {
  return `New on the story: ${articles} ${articles === 1 ? "article" : "articles"}`;
}

function articleLine(article: DigestArticle): string {
  const title = stripEmphasisMarks(article.title);
  const linked = article.url === null ? escapeMrkdwn(title) : mrkdwnLink(article.url, title);
  return `• *${linked}*\n   ${escapeMrkdwn(article.outlet)} · ${formatDate(article.published)}`;
}

function highlightText(highlight: DigestHighlight): string {
  const quote = `> ${escapeMrkdwn(stripEmphasisMarks(highlight.text))}`;
  const who = highlight.speaker === null ? null : escapeMrkdwn(highlight.speaker);
  const when = highlight.date === null ? null : formatDate(highlight.date);
  const outlet =
    highlight.url === null
      ? escapeMrkdwn(highlight.outlet)
      : mrkdwnLink(highlight.url, highlight.outlet);
  return `${quote}\n${[who, when, outlet].filter((p) => p !== null).join(" · ")}`;
}

/**
 * A digest as one Slack message: the new articles (title linked, outlet, date), then up to three
 * statements or events they bring, quoted with who and when, then how to stop. Every text from an
 * article is escaped and stripped of emphasis marks, so no article can restyle or break it.
 */
export function renderDigestMessage(digest: Digest, commandName: string): SlackMessage {
  const shown = digest.articles.slice(0, DIGEST_ARTICLES_SHOWN);
  const more = digest.articles.length - shown.length;
  const blocks: Block[] = [
    section(`*${digestHeading(digest.articles.length)}*`),
    section([...shown.map(articleLine), ...(more > 0 ? [`…and ${more} more`] : [])].join("\n")),
  ];
  if (digest.highlights.length > 0) {
    blocks.push({ type: "divider" }, section(DIGEST_HIGHLIGHTS_HEADING));
    for (const highlight of digest.highlights) blocks.push(section(highlightText(highlight)));
  }
  blocks.push(
    context(
      `This channel follows the story. \`${escapeMrkdwn(commandName)} unfollow\` stops these digests.`,
    ),
  );
  const titles = escapeMrkdwn(shown.map((a) => `${a.title} (${a.outlet})`).join("; "));
  return {
    text: truncateOnWord(`${digestHeading(digest.articles.length)}: ${titles}`, FALLBACK_TEXT_MAX),
    blocks,
  };
}

/** A desk command's answer (`add`, `follow`, `unfollow`) as a message. */
export function renderDeskMessage(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}

/** `add`, `follow` or `unfollow` in a mention or a DM: only the slash command does them. */
export function renderDeskOnlyMessage(commandName: string): SlackMessage {
  return renderDeskMessage(slashOnlyText(commandName));
}

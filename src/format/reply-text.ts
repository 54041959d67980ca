import { slashOnlyText } from "./desk-text.js";
import { renderHelpText, whoUsageText } from "./help-text.js";
import { TOO_LONG_TEXT } from "./messages.js";
import { renderSourcesText, renderTimelineText, renderWhoText } from "./news-text.js";
import { PLAIN_STYLE, renderAnswerText, type TextStyle } from "./render-text.js";
import type { Reply } from "./reply.js";

/** Any reply for a terminal. Questions as answers, news views as lists. */
export function renderReplyText(reply: Reply, style: TextStyle = PLAIN_STYLE): string {
  switch (reply.kind) {
    case "help":
      return renderHelpText(reply);
    case "sources":
      return renderSourcesText(reply.sources);
    case "timeline":
      return renderTimelineText(reply.words, reply.events);
    case "who":
      return renderWhoText(reply.report);
    case "too-long":
      return TOO_LONG_TEXT;
    case "desk-only":
      return slashOnlyText(reply.commandName);
    case "who-usage":
      return whoUsageText(reply.commandName);
    case "question":
      return renderAnswerText(reply.answer, style, {
        news: reply.news,
        ...(reply.commandName === undefined ? {} : { commandName: reply.commandName }),
      });
  }
}

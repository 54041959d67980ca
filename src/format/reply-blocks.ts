import type { SlackMessage } from "./blocks.js";
import { renderDeskOnlyMessage } from "./desk-blocks.js";
import { whoUsageText } from "./help-text.js";
import { TOO_LONG_TEXT } from "./messages.js";
import {
  renderSourcesMessage,
  renderTimelineMessage,
  renderWhoMessage,
  textMessage,
} from "./news-blocks.js";
import {
  type RenderOptions,
  renderAnswerMessage,
  renderHelpMessage,
} from "./render-answer-blocks.js";
import type { Reply } from "./reply.js";

/**
 * Any reply as a Slack message, with the same content the CLI prints: news views as lists
 * within Slack's limits, every quoted text escaped; questions as answers (see render-answer-blocks).
 */
export function renderReplyMessage(reply: Reply, options: RenderOptions = {}): SlackMessage {
  switch (reply.kind) {
    case "help":
      return renderHelpMessage(reply);
    case "sources":
      return renderSourcesMessage(reply.sources);
    case "timeline":
      return renderTimelineMessage(reply.words, reply.events);
    case "who":
      return renderWhoMessage(reply.report);
    case "too-long":
      return textMessage(TOO_LONG_TEXT);
    case "desk-only":
      return renderDeskOnlyMessage(reply.commandName);
    case "who-usage":
      return textMessage(whoUsageText(reply.commandName));
    case "question":
      return renderAnswerMessage(reply.answer, {
        ...options,
        news: options.news ?? reply.news,
        commandName: options.commandName ?? reply.commandName,
      });
  }
}

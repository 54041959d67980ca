import { toAnswerJson } from "./answer-json.js";
import { slashOnlyText } from "./desk-text.js";
import { HELP_REQUESTS, helpIntro, whoUsageText, withCommand } from "./help-text.js";
import { TOO_LONG_TEXT } from "./messages.js";
import type { Reply } from "./reply.js";

/** The CLI's `--json` for any request: the question contract, or a news view's shape. */
export function replyToJson(reply: Reply): unknown {
  switch (reply.kind) {
    case "help":
      return {
        kind: "help",
        intro: helpIntro(reply.articles),
        requests: HELP_REQUESTS.map((r) => ({
          usage: withCommand(reply.commandName, r.usage),
          does: r.does,
        })),
        examples: reply.examples,
      };
    case "sources":
      return { kind: "sources", sources: reply.sources };
    case "timeline":
      return { kind: "timeline", events: reply.events };
    case "who": {
      const { name, role, quotes, mentions, mentionTotal } = reply.report;
      return { kind: "who", name, role, quotes, mentions, mentionTotal };
    }
    case "too-long":
      return { kind: "too-long", text: TOO_LONG_TEXT, length: reply.length };
    case "who-usage":
      return { kind: "who-usage", text: whoUsageText(reply.commandName) };
    case "desk-only":
      return { kind: "desk-only", text: slashOnlyText(reply.commandName) };
    case "question":
      return toAnswerJson(reply.answer, reply.news);
  }
}

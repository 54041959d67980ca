import type { Reply } from "../requests/answer-request.js";
import { HELP_REQUESTS } from "../requests/help-text.js";
import { toAnswerJson } from "./answer-json.js";

/** The CLI's `--json` for any request: the question contract, or a news view's shape. */
export function replyToJson(reply: Reply): unknown {
  switch (reply.kind) {
    case "help":
      return {
        kind: "help",
        requests: HELP_REQUESTS.map((r) => ({
          usage: `${reply.commandName} ${r.usage}`,
          does: r.does,
        })),
      };
    case "sources":
      return { kind: "sources", sources: reply.sources };
    case "timeline":
      return { kind: "timeline", events: reply.events };
    case "who": {
      const { name, role, quotes } = reply.report;
      return { kind: "who", name, role, quotes };
    }
    case "question": {
      const json = toAnswerJson(reply.answer);
      return {
        ...json,
        results: json.results.map((result, i) => ({ ...result, ...reply.news[i] })),
      };
    }
  }
}

import type { Answer } from "../answer/answer.js";
import type { NewsFields } from "../news/news-fields.js";
import type { SourceEntry } from "../news/sources.js";
import type { TimelineEvent } from "../news/timeline.js";
import type { WhoReport } from "../news/who.js";

/** What the bot replies, before any renderer (text, JSON, Slack blocks) formats it. */
export type Reply =
  | {
      kind: "help";
      commandName: string;
      /** Questions to try, from `suggestQuestions`: they come from the articles, so they work. */
      examples: readonly string[];
      /** How many articles the bot answers from. */
      articles: number;
    }
  | { kind: "sources"; sources: SourceEntry[] }
  | { kind: "timeline"; words: string; events: TimelineEvent[] }
  | { kind: "who"; report: WhoReport }
  /** `who` with no name: how to ask it (`commandName` as the request used it, "" for none). */
  | { kind: "who-usage"; commandName: string }
  /** A message longer than `QUESTION_MAX_CHARS`, refused unread; `length` is how long it was. */
  | { kind: "too-long"; length: number }
  /** `add`, `follow` or `unfollow` where only the slash command does them (a mention, the CLI). */
  | { kind: "desk-only"; commandName: string }
  | {
      kind: "question";
      answer: Answer;
      news: NewsFields[];
      /** How suggestions name the command (the request's own); absent where there is none. */
      commandName?: string;
    };

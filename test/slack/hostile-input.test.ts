import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { SingleWorkspace } from "../../src/install/workspaces.js";
import { answererFor } from "../../src/requests/request-answerer.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import type { PassageIndex } from "../../src/search/passage-index.js";
import type { ListenerDeps } from "../../src/slack/deps.js";
import { askCommand } from "../../src/slack/listeners/commands/ask-command.js";
import { appMention } from "../../src/slack/listeners/events/app-mention.js";
import { directMessage } from "../../src/slack/listeners/messages/direct-message.js";
import { WorkQueue } from "../../src/slack/work-queue.js";
import { MemoryStore } from "../../src/state/memory-store.js";
import { recordingBoltLogger } from "../support/recording-bolt-logger.js";
import { messageProblems } from "../support/slack-message-checks.js";

// Any text a person can send, through the real handlers of the slash command, the mention and the
// DM: nothing may throw, every reply must be valid Block Kit within Slack's limits, and nothing in
// it may ping anyone or link anywhere the corpus does not.

const SLACK_MARKUP = [
  "<@U1>",
  "<#C1|x>",
  "<!subteam^S1>",
  "<https://a|b>",
  "&lt;",
  "&gt;",
  "&amp;",
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@W2|name>",
];

const hostileText = fc.oneof(
  fc.constant(""),
  fc.constant("   \t\n "),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom(
      "\u0000",
      "\u0007",
      "\u001b",
      "\u200b",
      "\u202e",
      "\u2066",
      "\ufeff",
      "\r",
    ),
    maxLength: 50,
  }),
  fc.string({
    unit: fc.constantFrom("😀", "🇸🇾", "👩‍👩‍👧", "الأسد", "לשון", "Асад", " ", "asylum", "Putin"),
    maxLength: 80,
  }),
  fc
    .array(fc.constantFrom(...SLACK_MARKUP, "who granted asylum", " ", "Hmeimim"), {
      maxLength: 20,
    })
    .map((parts) => parts.join(" ")),
  fc.constant(`${"asylum ".repeat(5714)}x`.slice(0, 40_000)),
  fc.constant("<!channel> ".repeat(4000)),
);

let index: PassageIndex;
let allowedUrls: Set<string>;
beforeAll(async () => {
  index = await buildIndexFromCorpus("test/fixtures/corpus");
  allowedUrls = new Set(
    index.passages.flatMap((p) => (p.url ? [p.url.replace(/[|<>\s]/g, encodeURIComponent)] : [])),
  );
});

function deps(): ListenerDeps {
  return {
    ask: answererFor(index, { cacheSize: 0 }),
    commandName: "/ask",
    queue: new WorkQueue(),
    state: new MemoryStore(),
    feedback: null,
    examples: () => [],
    corpusStats: () => null,
    nowMilliseconds: Date.now,
    workspaces: new SingleWorkspace("xoxb-test", {}),
  };
}

const { logger } = recordingBoltLogger();

describe("hostile input through the real handlers", () => {
  it("the slash command always acks once and replies with a valid, harmless message (property)", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const d = deps();
        const replies: unknown[] = [];
        let acks = 0;
        const handler = askCommand(d);
        await handler({
          command: { text, user_id: "U1", channel_id: "C1" },
          ack: async () => {
            acks++;
          },
          respond: async (message: unknown) => {
            replies.push(message);
          },
          logger,
        } as never);
        await d.queue.idle();
        expect(acks).toBe(1);
        expect(replies).toHaveLength(1);
        expect(messageProblems(replies[0], allowedUrls)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("mentions and DMs always reply once with a valid, harmless message (property)", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const d = deps();
        const said: unknown[] = [];
        const say = async (message: unknown) => {
          said.push(message);
        };
        await appMention(d)({
          event: { text: `<@UBOT> ${text}`, ts: "1.1", channel: "C1" },
          say,
          logger,
        } as never);
        await directMessage(d)({
          message: { text, channel_type: "im", channel: "D1", ts: "2.2" },
          say,
          logger,
        } as never);
        await d.queue.idle();
        expect(said).toHaveLength(2);
        for (const message of said) expect(messageProblems(message, allowedUrls)).toEqual([]);
        expect((said[0] as { thread_ts?: string }).thread_ts).toBe("1.1");
      }),
      { numRuns: 150 },
    );
  });
});

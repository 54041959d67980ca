import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOO_LONG_TEXT } from "../../src/format/messages.js";
import { SingleWorkspace } from "../../src/install/workspaces.js";
import { answererFor } from "../../src/requests/request-answerer.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import type { PassageIndex } from "../../src/search/passage-index.js";
import type { ListenerDeps } from "../../src/slack/deps.js";
import { askCommand } from "../../src/slack/listeners/commands/ask-command.js";
import { appMention } from "../../src/slack/listeners/events/app-mention.js";
import { directMessage } from "../../src/slack/listeners/messages/direct-message.js";
import { replyAtOnce } from "../../src/slack/reply-for.js";
import { WorkQueue } from "../../src/slack/work-queue.js";
import { MemoryStore } from "../../src/state/memory-store.js";
import { BotHarness } from "../support/bot-harness.js";
import {
  FREEZING_MESSAGES,
  hostileQuestion,
  hostileSlackText,
  millisecondsFor,
  PER_MESSAGE_MS,
  TIMING_RUNS,
} from "../support/hostile-text.js";
import { recordingBoltLogger } from "../support/recording-bolt-logger.js";
import { messageProblems } from "../support/slack-message-checks.js";
import { FORM, slashCommandForm } from "../support/slack-payloads.js";

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

describe("hostile input, timed", () => {
  it("replies to any message up to 40,000 characters in under 100 ms, answer included (property)", () => {
    const ask = answererFor(index, { cacheSize: 0 });
    const reply = (text: string) => replyAtOnce(text, ask, { commandName: "/ask", feedback: true });
    // The first answer builds the index's lazy caches; a request after it is what is timed.
    reply("who granted asylum");
    for (const text of FREEZING_MESSAGES) {
      expect(millisecondsFor(reply, text)).toBeLessThan(PER_MESSAGE_MS);
    }
    fc.assert(
      fc.property(fc.oneof(hostileSlackText, hostileQuestion), (text) => {
        expect(millisecondsFor(reply, text)).toBeLessThan(PER_MESSAGE_MS);
      }),
      TIMING_RUNS,
    );
  });
});

// Issue 20, finding 1: one DM of `*` × 40,000 then `x` held the one thread for seconds, and every
// other user's slash command waited. Through the real app over HTTP, the five messages that froze
// it are answered with the refusal while other people's commands are acked at once.
describe("hostile 40,000-character DMs through the real app", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await new BotHarness().start();
  });
  afterAll(async () => {
    await bot.stop();
  });

  /** A slash command from another user; resolves with how long its ack took, in ms. */
  async function otherUsersCommand(user: string): Promise<{ ackMs: number; responseId: string }> {
    const responseId = bot.nextId(`other-${user}-`);
    const form = slashCommandForm("who granted asylum", bot.fake.responseUrl(responseId), {
      user_id: user,
      user_name: user,
    });
    const started = performance.now();
    const response = await bot.post(form, FORM);
    const ackMs = performance.now() - started;
    expect(response.status).toBe(200);
    return { ackMs, responseId };
  }

  it("refuses each, while three other users' commands are acked promptly and answered", async () => {
    const hostile = FREEZING_MESSAGES.slice(0, 5);
    const before = bot.fake.callsTo("chat.postMessage").length;
    for (const [i, text] of hostile.entries()) {
      const { response } = await bot.event({
        type: "message",
        channel_type: "im",
        channel: "D1",
        user: "UHOSTILE",
        ts: `900.${i + 1}`,
        text,
      });
      expect(response.status).toBe(200);
    }
    // Sent while the hostile DMs wait in the queue or are being read.
    const others = await Promise.all(["U2", "U3", "U4"].map(otherUsersCommand));
    // Before the fix each of these waited 4 s or more per hostile DM ahead of it.
    for (const { ackMs } of others) expect(ackMs).toBeLessThan(1_500);
    for (const { responseId } of others) {
      const [reply] = await bot.fake.waitForCalls(responseId, 1, 10_000);
      expect(JSON.stringify(reply?.body)).toMatch(/asylum/i);
    }
    const replies = (
      await bot.fake.waitForCalls("chat.postMessage", before + hostile.length, 10_000)
    ).slice(before);
    expect(replies).toHaveLength(hostile.length);
    for (const reply of replies) {
      expect(reply.body.channel).toBe("D1");
      expect(reply.body.text).toBe(TOO_LONG_TEXT);
    }
  });
});

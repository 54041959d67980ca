import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_MATCH_TEXT, TENTATIVE_TEXT } from "../../src/format/messages.js";
import { prepareServingIndex, type ServingIndex } from "../../src/requests/serving-index.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { BotHarness } from "../support/bot-harness.js";

// The prompts Slack shows in the agent view come from the articles (suggestQuestions), not from a
// list in code: each one, asked back through the slash command, must get a confident answer. Run on
// the project's corpus, as the bot serves it.

let bot: BotHarness;
let serving: ServingIndex;
beforeAll(async () => {
  serving = prepareServingIndex(await buildIndexFromCorpus("corpus"));
  bot = await new BotHarness().start({}, undefined, {
    ask: serving.ask,
    examples: () => serving.examples,
    corpusStats: () => serving.stats,
  });
});
afterAll(async () => {
  await bot.stop();
});

describe("suggested prompts from the articles", () => {
  it("are set when the Messages tab opens, and each is answered confidently through the command", async () => {
    expect(serving.examples.length).toBeGreaterThanOrEqual(2);
    await bot.replay("app-home-opened-messages");
    const [call] = await bot.fake.waitForCalls("assistant.threads.setSuggestedPrompts");
    const prompts = call?.body.prompts as { title: string; message: string }[];
    expect(prompts.length).toBe(serving.examples.length);
    for (const prompt of prompts) {
      const { responseId } = await bot.command(prompt.message);
      const [reply] = await bot.fake.waitForCalls(responseId);
      const text = reply?.body.text as string;
      expect(text).not.toBe(NO_MATCH_TEXT);
      expect(text.startsWith(TENTATIVE_TEXT)).toBe(false);
      expect(JSON.stringify(reply?.body.blocks)).toContain("> ");
    }
  });

  it("name the number of articles on the Home tab", async () => {
    await bot.replay("app-home-opened-home");
    const [call] = await bot.fake.waitForCalls("views.publish");
    expect(JSON.stringify(call?.body.view)).toContain(`${serving.stats.articles} news articles`);
  });
});

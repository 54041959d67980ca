import { afterEach, describe, expect, it } from "vitest";
import { BOT_TOKEN, BotHarness } from "../support/bot-harness.js";

// Single-workspace mode (SLACK_BOT_TOKEN): the recorded app_uninstalled and tokens_revoked
// deliveries (test/fixtures/slack) silence the one workspace: later requests are acknowledged and
// get no Web API call with the dead token, until the bot is restarted with a new one. Revoked
// user tokens alone change nothing.

let bot: BotHarness | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function settle(b: BotHarness): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await b.queue.idle();
}

const mention = (ts: string) => ({
  type: "app_mention",
  user: "U0ASKER1",
  channel: "C0CHAN1",
  ts,
  text: "<@UBOT> who granted Assad asylum?",
});

describe("single-workspace mode", () => {
  it.each([
    ["app-uninstalled", /App uninstalled in T0TEAM1/],
    ["tokens-revoked", /Bot token revoked .* in T0TEAM1/],
  ])(
    "after %s, acks requests and makes no call with the token, logged once",
    async (fixture, pattern) => {
      bot = await new BotHarness().start();
      const { response } = await bot.replay(fixture);
      expect(response.status).toBe(200);
      await settle(bot);
      expect(bot.logs.some((l) => l.startsWith("warn") && pattern.test(l))).toBe(true);
      const before = bot.fake.callsWithToken(BOT_TOKEN).length;
      for (const ts of ["1733200000.000100", "1733200001.000100"]) {
        expect((await bot.event(mention(ts))).response.status).toBe(200);
      }
      const { response: command, responseId } = await bot.command("who granted Assad asylum?");
      expect(command.status).toBe(200);
      await settle(bot);
      expect(bot.fake.callsWithToken(BOT_TOKEN)).toHaveLength(before);
      expect(bot.fake.callsTo(responseId)).toEqual([]);
      expect(
        bot.logs.filter((l) => /acknowledged, not answered: uninstalled/.test(l)),
      ).toHaveLength(1);
    },
  );

  it("tokens_revoked for user tokens only keeps answering", async () => {
    bot = await new BotHarness().start();
    await bot.event({ type: "tokens_revoked", tokens: { oauth: ["U0ASKER1"], bot: [] } });
    await settle(bot);
    await bot.event(mention("1733200002.000100"));
    await bot.fake.waitForCalls("chat.postMessage", 1, 10_000);
    expect(bot.fake.callsWithToken(BOT_TOKEN, "chat.postMessage")).toHaveLength(1);
  });
});

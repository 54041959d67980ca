import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { BotHarness } from "../support/bot-harness.js";
import { install, mentionFrom, oauthEnv } from "../support/oauth-install.js";

// Token rotation on: Slack's install gives a bot token that expires and a refresh token. A token
// that expires within two hours is refreshed (oauth.v2.access, grant_type=refresh_token) before
// it is used, the new one is stored, and the old one is never used again.

const W = { teamId: "T0ROTATE", token: "xoxb-rotating-secret-0001" };

let bot: BotHarness;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "installations-"));
  bot = await new BotHarness().start(oauthEnv(dir), { timeoutMs: 2_000, retries: 0 });
});
afterAll(async () => {
  await bot.stop();
  rmSync(dir, { recursive: true, force: true });
});

it("refreshes a token about to expire before answering, then keeps using the new one", async () => {
  const page = await install(bot, {
    code: "code-rotate",
    teamId: W.teamId,
    botToken: W.token,
    refreshToken: "xoxe-refresh-1",
    expiresInSeconds: 30 * 60,
  });
  expect(page.status).toBe(200);
  const used = bot.fake.callsWithToken(W.token).length;

  for (const [i, channel] of ["C0R1", "C0R2"].entries()) {
    await mentionFrom(bot, W, channel, "who granted Assad asylum?");
    await bot.fake.waitForCalls("chat.postMessage", i + 1, 10_000);
  }
  const refreshes = bot.fake
    .callsTo("oauth.v2.access")
    .filter((c) => c.body.grant_type === "refresh_token");
  expect(refreshes).toHaveLength(1);
  expect(bot.fake.callsWithToken(W.token)).toHaveLength(used);
  expect(
    bot.fake.callsWithToken(`${W.token}-r`, "chat.postMessage").map((c) => c.body.channel),
  ).toEqual(["C0R1", "C0R2"]);
});

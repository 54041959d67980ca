import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InstallationCipher } from "../../src/install/installation-cipher.js";
import { BotHarness } from "../support/bot-harness.js";
import {
  commandFrom,
  eventFrom,
  install,
  mentionFrom,
  oauthEnv,
  redirect,
  startInstall,
  stateIssuedAt,
} from "../support/oauth-install.js";

// OAuth mode end to end: workspaces install through the real routes against the fake Slack, and
// each is answered with its own token; an org-wide install answers in a workspace of the org;
// uninstall and revocation leave no call with the dead token; every bad input gets a clear page
// and stores nothing; no token is readable in the store's files.

const A = { teamId: "T0ALPHA", token: "xoxb-alpha-0000000000-secret" };
const B = { teamId: "T0BRAVO", token: "xoxb-bravo-1111111111-secret" };
const ORG = { enterpriseId: "E0ORG", token: "xoxb-org-2222222222-secret" };

let bot: BotHarness;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "installations-"));
  bot = await new BotHarness().start(
    { ...oauthEnv(dir), SLACK_CALL_TIMEOUT_MS: "400" },
    {
      timeoutMs: 400,
      retries: 0,
    },
  );
});
afterAll(async () => {
  await bot.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await bot.queue.idle();
}

const storeFiles = () => readdirSync(dir).filter((name) => name.endsWith(".sealed"));

describe("the install page", () => {
  it("links to Slack's consent screen with the manifest's scopes and a state cookie", async () => {
    const { page, state } = await startInstall(bot);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Add to Slack");
    const href = /href="([^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&") ?? "";
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe("https://slack.com/oauth/v2/authorize");
    expect(url.searchParams.get("client_id")).toBe("111.222");
    expect(url.searchParams.get("scope")?.split(",")).toContain("app_mentions:read");
    expect(url.searchParams.get("state")).toBe(state);
    expect(page.headers.get("set-cookie")).toMatch(/HttpOnly/);
  });
});

describe("two workspaces installed through the routes", () => {
  beforeAll(async () => {
    for (const [w, code, name] of [
      [A, "code-alpha", "Alpha Team"],
      [B, "code-bravo", "Bravo Team"],
    ] as const) {
      const page = await install(bot, {
        code,
        teamId: w.teamId,
        teamName: name,
        botToken: w.token,
      });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Installed");
      expect(html).toContain(name);
      expect(html).toContain("/syria");
    }
  });

  it("exchanged each code once with oauth.v2.access and stored two sealed files", () => {
    expect(bot.fake.callsTo("oauth.v2.access")).toHaveLength(2);
    expect(storeFiles().sort()).toEqual([`team-${A.teamId}.sealed`, `team-${B.teamId}.sealed`]);
  });

  it("keeps no token, team name or id in clear in the store's files", () => {
    for (const name of storeFiles()) {
      const text = readFileSync(join(dir, name), "utf8");
      for (const secret of [A.token, B.token, "Alpha Team", "Bravo Team", "U0INSTALLER"]) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it("answers a mention in each workspace with that workspace's own token", async () => {
    await mentionFrom(bot, A, "C0ALPHA", "who granted Assad asylum?");
    await mentionFrom(bot, B, "C0BRAVO", "who granted Assad asylum?");
    await bot.fake.waitForCalls("chat.postMessage", 2, 10_000);
    await settle();
    const alpha = bot.fake.callsWithToken(A.token, "chat.postMessage");
    const bravo = bot.fake.callsWithToken(B.token, "chat.postMessage");
    expect(alpha.map((c) => c.body.channel)).toEqual(["C0ALPHA"]);
    expect(bravo.map((c) => c.body.channel)).toEqual(["C0BRAVO"]);
  });

  it("answers a slash command from each workspace", async () => {
    for (const [w, id] of [
      [A, "cmd-alpha"],
      [B, "cmd-bravo"],
    ] as const) {
      const response = await commandFrom(bot, w, "who granted Assad asylum?", id);
      expect(response.status).toBe(200);
      await bot.fake.waitForCalls(id, 1, 10_000);
    }
  });

  it("keeps thread memory per workspace: the same channel and thread id in another workspace is a stranger", async () => {
    const ts = "1733100000.000100";
    await eventFrom(bot, A, {
      type: "app_mention",
      user: "U1",
      channel: "C0SAME",
      ts,
      text: "<@UBOT> who granted Assad asylum?",
    });
    await settle();
    const before = bot.fake.callsTo("chat.postMessage").length;
    // A reply in the "same" thread, from the other workspace: not a follow-up it can see.
    await eventFrom(bot, B, {
      type: "message",
      channel_type: "channel",
      user: "U2",
      channel: "C0SAME",
      ts: "1733100001.000200",
      thread_ts: ts,
      text: "and where is he now?",
    });
    await settle();
    expect(bot.fake.callsTo("chat.postMessage")).toHaveLength(before);
    // The same reply from the workspace the bot answered in is a follow-up.
    await eventFrom(bot, A, {
      type: "message",
      channel_type: "channel",
      user: "U2",
      channel: "C0SAME",
      ts: "1733100002.000300",
      thread_ts: ts,
      text: "and where is he now?",
    });
    await bot.fake.waitForCalls("chat.postMessage", before + 1, 10_000);
    expect(bot.fake.callsTo("chat.postMessage").at(-1)?.token).toBe(A.token);
  });
});

describe("an org-wide (Enterprise Grid) install", () => {
  beforeAll(async () => {
    const page = await install(bot, {
      code: "code-org",
      enterpriseId: ORG.enterpriseId,
      enterpriseName: "Org Inc",
      isEnterpriseInstall: true,
      botToken: ORG.token,
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("whole organisation");
  });

  it("is stored under the org", () => {
    expect(storeFiles()).toContain(`enterprise-${ORG.enterpriseId}.sealed`);
  });

  it("answers in a workspace of the org, flagged as an org install or not, with the org's token", async () => {
    await mentionFrom(
      bot,
      { teamId: "T0ORGONE", enterpriseId: ORG.enterpriseId, orgWide: true },
      "C0ORG1",
      "who granted Assad asylum?",
    );
    await mentionFrom(
      bot,
      { teamId: "T0ORGTWO", enterpriseId: ORG.enterpriseId },
      "C0ORG2",
      "who granted Assad asylum?",
    );
    const deadline = Date.now() + 10_000;
    while (
      bot.fake.callsWithToken(ORG.token, "chat.postMessage").length < 2 &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const channels = bot.fake
      .callsWithToken(ORG.token, "chat.postMessage")
      .map((c) => c.body.channel);
    expect(channels.sort()).toEqual(["C0ORG1", "C0ORG2"]);
  });
});

describe("a workspace that has not installed the app", () => {
  it("is acknowledged, gets no call, and is logged once an hour", async () => {
    const before = bot.fake.calls.length;
    const stranger = { teamId: "T0STRANGER" };
    for (let i = 0; i < 3; i++) {
      const response = await mentionFrom(bot, stranger, "C0X", "who granted Assad asylum?");
      expect(response.status).toBe(200);
    }
    const command = await commandFrom(bot, stranger, "who granted Assad asylum?", "cmd-stranger");
    expect(command.status).toBe(200);
    await settle();
    expect(bot.fake.calls.slice(before)).toEqual([]);
    expect(
      bot.logs.filter((l) => l.includes("T0STRANGER") && l.includes("not installed")),
    ).toHaveLength(1);
  });

  it("with a malformed team id is refused the same way, and names no file", async () => {
    const response = await mentionFrom(bot, { teamId: "../../etc/passwd" }, "C0X", "hello");
    expect(response.status).toBe(200);
    await settle();
    expect(storeFiles().every((name) => /^(team|enterprise)-[A-Z0-9]+\.sealed$/.test(name))).toBe(
      true,
    );
    expect(bot.logs.some((l) => l.includes("etc/passwd"))).toBe(false);
    expect(bot.logs.some((l) => l.includes("malformed id"))).toBe(true);
  });
});

describe("an installation sealed with another INSTALLATION_KEY", () => {
  it("is acknowledged, gets no call, and the log says which setting to check", async () => {
    const other = new InstallationCipher(randomBytes(32));
    writeFileSync(join(dir, "team-T0OLDKEY.sealed"), other.seal("{}", "team-T0OLDKEY"));
    const before = bot.fake.calls.length;
    const response = await mentionFrom(
      bot,
      { teamId: "T0OLDKEY" },
      "C0X",
      "who granted Assad asylum?",
    );
    expect(response.status).toBe(200);
    await settle();
    expect(bot.fake.calls.slice(before)).toEqual([]);
    expect(bot.logs.some((l) => l.includes("T0OLDKEY") && l.includes("INSTALLATION_KEY"))).toBe(
      true,
    );
  });
});

describe("bad input at the redirect: a clear page, nothing stored", () => {
  const exchanges = () => bot.fake.callsTo("oauth.v2.access").length;

  async function refused(response: Response, status: number, pattern: RegExp): Promise<void> {
    expect(response.status).toBe(status);
    const html = await response.text();
    expect(html).toMatch(pattern);
    expect(html).toContain("Not installed");
    expect(html).not.toMatch(/\n\s+at |Error:|xoxb-/);
  }

  it("a missing state", async () => {
    const files = storeFiles().length;
    const before = exchanges();
    await refused(await redirect(bot, { code: "anything" }, null), 400, /not valid/);
    expect(exchanges()).toBe(before);
    expect(storeFiles()).toHaveLength(files);
  });

  it("a forged state (signed with another secret), even with a matching cookie", async () => {
    const before = exchanges();
    const forged = `${Date.now()}.${"A".repeat(22)}.${"B".repeat(43)}`;
    await refused(await redirect(bot, { code: "anything", state: forged }), 400, /not valid/);
    expect(exchanges()).toBe(before);
  });

  it("a state from another browser (no matching cookie)", async () => {
    const { state } = await startInstall(bot);
    await refused(await redirect(bot, { code: "anything", state }, "other"), 400, /not valid/);
  });

  it("an expired state", async () => {
    const before = exchanges();
    const old = stateIssuedAt(Date.now() - 11 * 60 * 1000);
    await refused(await redirect(bot, { code: "anything", state: old }), 400, /expired/);
    expect(exchanges()).toBe(before);
  });

  it("a replayed state: the second use is refused and the code is not exchanged again", async () => {
    bot.fake.addWorkspace({
      code: "code-charlie",
      teamId: "T0CHARLIE",
      botToken: "xoxb-charlie-secret",
    });
    const { state } = await startInstall(bot);
    expect((await redirect(bot, { code: "code-charlie", state })).status).toBe(200);
    const before = exchanges();
    await refused(await redirect(bot, { code: "code-charlie", state }), 400, /already used/);
    expect(exchanges()).toBe(before);
  });

  it("a code Slack refuses (invalid_code)", async () => {
    const files = storeFiles().length;
    const { state } = await startInstall(bot);
    await refused(await redirect(bot, { code: "never-issued", state }), 502, /invalid_code/);
    expect(storeFiles()).toHaveLength(files);
  });

  it("an oauth.v2.access that times out", async () => {
    const files = storeFiles().length;
    bot.fake.addWorkspace({ code: "code-slow", teamId: "T0SLOW", botToken: "xoxb-slow-secret" });
    bot.fake.fail("oauth.v2.access", { status: 200, hang: true });
    const { state } = await startInstall(bot);
    const started = Date.now();
    await refused(await redirect(bot, { code: "code-slow", state }), 504, /did not answer in time/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(storeFiles()).toHaveLength(files);
  });

  it("an install cancelled in Slack (access_denied)", async () => {
    const { state } = await startInstall(bot);
    await refused(await redirect(bot, { error: "access_denied", state }), 400, /cancelled/);
  });
});

describe("uninstall and revocation", () => {
  it("app_uninstalled forgets the workspace: acknowledged, no call with its dead token", async () => {
    await eventFrom(bot, A, { type: "app_uninstalled" });
    await settle();
    bot.fake.revoke(A.token);
    expect(storeFiles()).not.toContain(`team-${A.teamId}.sealed`);
    const before = bot.fake.callsWithToken(A.token).length;
    const response = await mentionFrom(bot, A, "C0ALPHA", "who granted Assad asylum?");
    expect(response.status).toBe(200);
    const command = await commandFrom(bot, A, "who granted Assad asylum?", "cmd-alpha-after");
    expect(command.status).toBe(200);
    await settle();
    expect(bot.fake.callsWithToken(A.token)).toHaveLength(before);
    expect(bot.fake.callsTo("cmd-alpha-after")).toEqual([]);
  });

  it("tokens_revoked for user tokens only leaves the bot installation alone", async () => {
    await eventFrom(bot, B, {
      type: "tokens_revoked",
      tokens: { oauth: ["U0INSTALLER"], bot: [] },
    });
    await settle();
    expect(storeFiles()).toContain(`team-${B.teamId}.sealed`);
    const before = bot.fake.callsWithToken(B.token, "chat.postMessage").length;
    await mentionFrom(bot, B, "C0BRAVO", "who granted Assad asylum?");
    await settle();
    expect(bot.fake.callsWithToken(B.token, "chat.postMessage").length).toBe(before + 1);
  });

  it("tokens_revoked for the bot token forgets the workspace: no call with it after", async () => {
    await eventFrom(bot, B, { type: "tokens_revoked", tokens: { oauth: [], bot: ["UBOT"] } });
    await settle();
    bot.fake.revoke(B.token);
    expect(storeFiles()).not.toContain(`team-${B.teamId}.sealed`);
    const before = bot.fake.callsWithToken(B.token).length;
    await mentionFrom(bot, B, "C0BRAVO", "who granted Assad asylum?");
    await settle();
    expect(bot.fake.callsWithToken(B.token)).toHaveLength(before);
  });

  it("a reinstall starts with fresh state: the old thread is not remembered", async () => {
    const page = await install(bot, {
      code: "code-alpha-2",
      teamId: A.teamId,
      botToken: "xoxb-alpha-new-secret",
    });
    expect(page.status).toBe(200);
    const before = bot.fake.callsTo("chat.postMessage").length;
    // A reply in the thread answered before the uninstall is not a follow-up any more.
    await eventFrom(bot, A, {
      type: "message",
      channel_type: "channel",
      user: "U2",
      channel: "C0SAME",
      ts: "1733100009.000900",
      thread_ts: "1733100000.000100",
      text: "and where is he now?",
    });
    await settle();
    expect(bot.fake.callsTo("chat.postMessage")).toHaveLength(before);
    await mentionFrom(bot, A, "C0ALPHA", "who granted Assad asylum?");
    await bot.fake.waitForCalls("chat.postMessage", before + 1, 10_000);
    expect(bot.fake.callsTo("chat.postMessage").at(-1)?.token).toBe("xoxb-alpha-new-secret");
  });

  it("never wrote a token to the log", () => {
    for (const token of [A.token, B.token, ORG.token, "xoxb-alpha-new-secret"]) {
      expect(bot.logs.filter((l) => l.includes(token))).toEqual([]);
    }
  });
});

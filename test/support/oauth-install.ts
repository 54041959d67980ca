import { createHmac, randomBytes } from "node:crypto";
import type { BotHarness } from "./bot-harness.js";
import type { FakeWorkspace } from "./fake-slack.js";
import { eventCallback, FORM, slashCommandForm } from "./slack-payloads.js";

// Drives the install dance as a browser would (GET /slack/install, keep the state cookie, come
// back to /slack/oauth_redirect with Slack's code) and sends requests from a given workspace.

export const STATE_SECRET = "test-state-secret-0123456789abcdef0123";
export const STATE_COOKIE = "slack-app-oauth-state";

/** Settings of a bot in OAuth mode, installations under `dir`. */
export function oauthEnv(dir: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: "",
    SLACK_CLIENT_ID: "111.222",
    SLACK_CLIENT_SECRET: "test-client-secret",
    SLACK_STATE_SECRET: STATE_SECRET,
    INSTALLATION_KEY: randomBytes(32).toString("base64"),
    INSTALLATIONS_DIR: dir,
  };
}

/** GET /slack/install: the page, and the state its cookie carries. */
export async function startInstall(bot: {
  base: string;
}): Promise<{ page: Response; state: string }> {
  const page = await fetch(`${bot.base}/slack/install`);
  const cookie = page.headers.get("set-cookie") ?? "";
  const state = new RegExp(`${STATE_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  if (!state) throw new Error(`no state cookie in ${cookie}`);
  return { page, state };
}

/** GET /slack/oauth_redirect as Slack sends the browser back, with the state cookie unless told. */
export function redirect(
  bot: { base: string },
  query: Record<string, string>,
  cookieState: string | null = query.state ?? null,
): Promise<Response> {
  return fetch(`${bot.base}/slack/oauth_redirect?${new URLSearchParams(query)}`, {
    headers: cookieState === null ? {} : { cookie: `${STATE_COOKIE}=${cookieState}` },
    redirect: "manual",
  });
}

/** The whole dance for `workspace`: its page after the redirect. */
export async function install(bot: BotHarness, workspace: FakeWorkspace): Promise<Response> {
  bot.fake.addWorkspace(workspace);
  const { state } = await startInstall(bot);
  return redirect(bot, { code: workspace.code, state });
}

/** A state signed with the right secret, issued at `issuedAt` (to test expiry from outside). */
export function stateIssuedAt(issuedAt: number): string {
  const payload = `${issuedAt}.${randomBytes(16).toString("base64url")}`;
  return `${payload}.${createHmac("sha256", STATE_SECRET).update(payload).digest("base64url")}`;
}

export interface From {
  teamId: string;
  enterpriseId?: string;
  /** An org-wide install's request. */
  orgWide?: boolean;
}

/** An Events API delivery from the workspace `from`. */
export async function eventFrom(bot: BotHarness, from: From, event: Record<string, unknown>) {
  const body = {
    ...eventCallback(event, bot.nextId("Ev")),
    team_id: from.teamId,
    ...(from.enterpriseId ? { enterprise_id: from.enterpriseId } : {}),
    ...(from.orgWide ? { is_enterprise_install: true } : {}),
    authorizations: [
      {
        team_id: from.orgWide ? null : from.teamId,
        enterprise_id: from.enterpriseId ?? null,
        user_id: "UBOT",
        is_bot: true,
        is_enterprise_install: from.orgWide === true,
      },
    ],
  };
  return bot.post(JSON.stringify(body), "application/json");
}

/** A mention in `channel` from `from`. */
export function mentionFrom(bot: BotHarness, from: From, channel: string, text: string) {
  return eventFrom(bot, from, {
    type: "app_mention",
    user: "U0ASKER",
    channel,
    ts: `${Date.now() / 1000}`,
    text: `<@UBOT> ${text}`,
  });
}

/** A slash command from `from`; its answer goes to the fake's response URL `responseId`. */
export function commandFrom(bot: BotHarness, from: From, text: string, responseId: string) {
  const form = slashCommandForm(text, bot.fake.responseUrl(responseId), {
    team_id: from.teamId,
    ...(from.enterpriseId ? { enterprise_id: from.enterpriseId } : {}),
  });
  return bot.post(form, FORM);
}

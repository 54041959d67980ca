import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A local stand-in for Slack: the Web API under /api/, and response_url endpoints under
// /response/. It listens on 127.0.0.1 only, records every call, and can be told to fail.

export interface RecordedCall {
  path: string;
  /** Web API method (chat.postMessage) or response id. */
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: recorded payloads are whatever the bot sent
  body: any;
  authorization: string | undefined;
  /** The token the call carried (bearer header or `token` field), if any. */
  token: string | undefined;
}

export interface Failure {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer after this many milliseconds instead of at once. */
  delayMs?: number;
  /** Record the call, then never answer (a hung Slack); `stop` closes it. */
  hang?: boolean;
  /** Record the call, then reset the connection without an answer (a reset after send). */
  close?: boolean;
}

/** A workspace (or a whole org) that can install the app through the fake's `oauth.v2.access`. */
export interface FakeWorkspace {
  /** The code Slack would put in the redirect after consent; good for one exchange. */
  code: string;
  teamId?: string;
  teamName?: string;
  enterpriseId?: string;
  enterpriseName?: string;
  /** An org-wide install: no team, the org's enterprise. */
  isEnterpriseInstall?: boolean;
  botToken: string;
  botUserId?: string;
  botId?: string;
  /** With token rotation: the refresh token and the token's lifetime. */
  refreshToken?: string;
  expiresInSeconds?: number;
}

/** The token a Web API call was made with: the bearer header, else a `token` field. */
function tokenOf(req: IncomingMessage, body: unknown): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length);
  const field = (body as { token?: unknown } | null)?.token;
  return typeof field === "string" ? field : undefined;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString();
  if ((req.headers["content-type"] ?? "").includes("application/json"))
    return text ? JSON.parse(text) : {};
  const form: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    form[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return form;
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  private readonly failures = new Map<string, Failure[]>();
  private server: Server | undefined;
  private base = "";
  private waiters: (() => void)[] = [];
  private readonly installable = new Map<string, FakeWorkspace>();
  private readonly byToken = new Map<string, FakeWorkspace>();
  private readonly revoked = new Set<string>();

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const path = (req.url ?? "").split("?")[0] ?? "";
      if (req.method === "GET" && path === "/_stats") {
        // For load runs in another process: how many calls each name got.
        const counts: Record<string, number> = {};
        for (const call of this.calls) counts[call.name] = (counts[call.name] ?? 0) + 1;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            counts,
            threads: this.calls.map((c) => c.body?.thread_ts).filter(Boolean),
          }),
        );
        return;
      }
      const body = await readBody(req);
      const name = path.replace(/^\/(api|response)\//, "");
      const failure = this.failures.get(name)?.shift();
      const token = tokenOf(req, body);
      const call = { path, name, body, authorization: req.headers.authorization, token };
      if (failure?.hang || failure?.close) {
        this.calls.push(call);
        for (const wake of this.waiters.splice(0)) wake();
        if (failure.close) req.socket.destroy();
        return;
      }
      if (failure?.delayMs) await new Promise((r) => setTimeout(r, failure.delayMs));
      this.calls.push(call);
      for (const wake of this.waiters.splice(0)) wake();
      if (failure) {
        res.writeHead(failure.status, { "content-type": "application/json", ...failure.headers });
        res.end(JSON.stringify(failure.body ?? { ok: false, error: "fake_failure" }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      if (path.startsWith("/api/") && token !== undefined && this.revoked.has(token)) {
        res.end(JSON.stringify({ ok: false, error: "token_revoked" }));
      } else if (name === "oauth.v2.access") {
        res.end(JSON.stringify(this.exchange(body)));
      } else if (name === "auth.test" && token !== undefined && this.byToken.has(token)) {
        const workspace = this.byToken.get(token) as FakeWorkspace;
        res.end(
          JSON.stringify({
            ok: true,
            url: `https://${workspace.teamId ?? workspace.enterpriseId}.example.slack.com/`,
            team_id: workspace.teamId ?? null,
            enterprise_id: workspace.enterpriseId ?? null,
            is_enterprise_install: workspace.isEnterpriseInstall === true,
            user_id: workspace.botUserId ?? "UBOT",
            bot_id: workspace.botId ?? "BBOT",
          }),
        );
      } else if (name === "apps.connections.open") {
        // Socket Mode: the WebSocket a FakeSocketMode serves on this same server.
        res.end(
          JSON.stringify({ ok: true, url: `${this.base.replace(/^http/, "ws")}/socket-mode` }),
        );
      } else if (name === "auth.test") {
        res.end(
          JSON.stringify({
            ok: true,
            user_id: "UBOT",
            bot_id: "BBOT",
            team_id: "T1",
            user: "syria",
          }),
        );
      } else if (path.startsWith("/api/")) {
        res.end(
          JSON.stringify({
            ok: true,
            ts: `${Date.now() / 1000}`,
            channel: body && (body as { channel?: string }).channel,
          }),
        );
      } else {
        res.end(JSON.stringify({ ok: true }));
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The HTTP server, for a FakeSocketMode to take WebSocket upgrades on. */
  get httpServer(): Server {
    if (!this.server) throw new Error("FakeSlack: start it first");
    return this.server;
  }

  /** The Web API base URL, for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.base}/response/${id}`;
  }

  /** The next calls to `name` (a Web API method or a response id) fail as given, in order. */
  fail(name: string, ...failures: Failure[]): void {
    this.failures.set(name, [...(this.failures.get(name) ?? []), ...failures]);
  }

  /**
   * Lets `workspace` install the app: `oauth.v2.access` with its code answers with its tokens
   * (once: a code is single-use), and `auth.test` with its bot token describes it.
   */
  addWorkspace(workspace: FakeWorkspace): void {
    this.installable.set(workspace.code, workspace);
    this.byToken.set(workspace.botToken, workspace);
  }

  /** Every later call with `token` fails with `token_revoked`, as after an uninstall. */
  revoke(token: string): void {
    this.revoked.add(token);
  }

  /** The Web API calls made with `token`, optionally to `name` only. */
  callsWithToken(token: string, name?: string): RecordedCall[] {
    return this.calls.filter(
      (call) => call.token === token && (name === undefined || call.name === name),
    );
  }

  private exchange(body: unknown): Record<string, unknown> {
    const grant = body as { grant_type?: unknown; refresh_token?: unknown } | null;
    if (grant?.grant_type === "refresh_token") return this.refresh(grant.refresh_token);
    const code = (body as { code?: unknown } | null)?.code;
    const workspace = typeof code === "string" ? this.installable.get(code) : undefined;
    if (workspace === undefined) return { ok: false, error: "invalid_code" };
    this.installable.delete(workspace.code);
    const org = workspace.isEnterpriseInstall === true;
    return {
      ok: true,
      app_id: "A0APP1",
      authed_user: { id: "U0INSTALLER" },
      scope: "app_mentions:read,chat:write,commands",
      token_type: "bot",
      access_token: workspace.botToken,
      bot_user_id: workspace.botUserId ?? "UBOT",
      team:
        org || !workspace.teamId ? null : { id: workspace.teamId, name: workspace.teamName ?? "" },
      enterprise: workspace.enterpriseId
        ? { id: workspace.enterpriseId, name: workspace.enterpriseName ?? "" }
        : null,
      is_enterprise_install: org,
      ...(workspace.refreshToken
        ? {
            refresh_token: workspace.refreshToken,
            expires_in: workspace.expiresInSeconds ?? 43_200,
          }
        : {}),
    };
  }

  /**
   * Token rotation: a refresh token of a workspace gives a new bot token (the old one stops
   * working) and a new refresh token.
   */
  private refresh(refreshToken: unknown): Record<string, unknown> {
    const workspace = [...this.byToken.values()].find((w) => w.refreshToken === refreshToken);
    if (workspace === undefined) return { ok: false, error: "invalid_refresh_token" };
    this.revoke(workspace.botToken);
    const rotated = {
      ...workspace,
      botToken: `${workspace.botToken}-r`,
      refreshToken: `${workspace.refreshToken}-r`,
    };
    this.byToken.set(rotated.botToken, rotated);
    return {
      ok: true,
      app_id: "A0APP1",
      scope: "app_mentions:read,chat:write,commands",
      token_type: "bot",
      access_token: rotated.botToken,
      refresh_token: rotated.refreshToken,
      expires_in: 43_200,
      bot_user_id: workspace.botUserId ?? "UBOT",
      team: workspace.teamId ? { id: workspace.teamId, name: workspace.teamName ?? "" } : null,
      enterprise: null,
      is_enterprise_install: workspace.isEnterpriseInstall === true,
    };
  }

  callsTo(name: string): RecordedCall[] {
    return this.calls.filter((call) => call.name === name);
  }

  /** Waits until `count` calls to `name` have arrived, or fails after `timeoutMs`. */
  async waitForCalls(name: string, count = 1, timeoutMs = 5_000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.callsTo(name).length < count) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`FakeSlack: ${this.callsTo(name).length} of ${count} calls to ${name}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.callsTo(name);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

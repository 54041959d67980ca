import type { IncomingMessage, ServerResponse } from "node:http";
import type { Installation, InstallProvider, InstallURLOptions } from "@slack/oauth";
import { BOT_SCOPES } from "./bot-scopes.js";
import { installedPage, installFailedPage } from "./install-pages.js";

/** Bolt's default paths, which Slack's docs and the manifests' redirect URL name. */
export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";

/** What went wrong, in words for the person installing; never a stack trace or a token. */
export interface InstallFailure {
  status: number;
  reason: string;
}

/**
 * Turns an error from the OAuth callback into a status and a sentence. Slack's own error code
 * (`invalid_code`, …) is shown as it is: it is what Slack's docs explain.
 */
export function describeInstallFailure(error: unknown, denied: boolean): InstallFailure {
  if (denied) {
    return { status: 400, reason: "The install was cancelled in Slack: nothing was installed." };
  }
  const e = error as { code?: unknown; message?: unknown; data?: { error?: unknown } } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  const message = typeof e?.message === "string" ? e.message : "";
  if (code === "slack_oauth_missing_state" || code === "slack_oauth_invalid_state") {
    const why = /expired/.test(message)
      ? "has expired"
      : /already used/.test(message)
        ? "was already used"
        : "is not valid for this browser";
    return {
      status: 400,
      reason: `This install link ${why}. Install links work once, for 10 minutes, in the browser that opened them.`,
    };
  }
  if (code === "slack_oauth_missing_code") {
    return { status: 400, reason: "Slack sent no authorization code, so nothing was installed." };
  }
  if (code === "slack_webapi_platform_error") {
    const slackError = typeof e?.data?.error === "string" ? e.data.error : "an error";
    return {
      status: 502,
      reason: `Slack refused the install (${slackError}); nothing was installed. Start again.`,
    };
  }
  if (code === "slack_webapi_request_error" || code === "slack_webapi_http_error") {
    return {
      status: 504,
      reason: "Slack did not answer in time, so nothing was installed. Try again in a minute.",
    };
  }
  return { status: 500, reason: "The install did not complete; nothing was installed. Try again." };
}

function deniedInSlack(req: IncomingMessage): boolean {
  return new URL(req.url ?? "/", "http://localhost").searchParams.get("error") === "access_denied";
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(html);
}

function openUrlOf(installation: Installation): string | null {
  if (installation.isEnterpriseInstall || !installation.team?.id || !installation.appId)
    return null;
  return `https://slack.com/app_redirect?app=${installation.appId}&team=${installation.team.id}`;
}

export interface OAuthRoutesOptions {
  installer: InstallProvider;
  slashCommand: string;
  /** Told of a completed install and of a failure, in a line without secrets. */
  log: { info(message: string): void; warn(message: string): void };
}

/**
 * The two install routes as one request handler: true when it answered the request (GET
 * /slack/install or /slack/oauth_redirect), false for any other, which the server handles.
 */
export function createOAuthRoutes(
  options: OAuthRoutesOptions,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { installer, log } = options;
  const installOptions: InstallURLOptions = { scopes: [...BOT_SCOPES] };
  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    const failure = describeInstallFailure(error, deniedInSlack(req));
    log.warn(`OAuth: install failed (${failure.status}): ${failure.reason}`);
    sendHtml(res, failure.status, installFailedPage(failure.reason));
  };
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" || (path !== INSTALL_PATH && path !== REDIRECT_PATH)) return false;
    const work =
      path === INSTALL_PATH
        ? installer.handleInstallPath(req, res, {}, installOptions)
        : installer.handleCallback(
            req,
            res,
            {
              success: (installation, _options, _req, response) => {
                const where = installation.isEnterpriseInstall
                  ? `org ${installation.enterprise?.id}`
                  : `workspace ${installation.team?.id}`;
                log.info(`OAuth: installed in ${where}`);
                sendHtml(
                  response,
                  200,
                  installedPage({
                    name: installation.isEnterpriseInstall
                      ? installation.enterprise?.name
                      : installation.team?.name,
                    orgWide: installation.isEnterpriseInstall === true,
                    openUrl: openUrlOf(installation),
                    slashCommand: options.slashCommand,
                  }),
                );
              },
              failure: (error, _options, request, response) => fail(request, response, error),
            },
            installOptions,
          );
    work.catch((error: unknown) => fail(req, res, error));
    return true;
  };
}

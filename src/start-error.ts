// What stops the bot at start, said as what to do, and the exit code that tells a supervisor
// whether a restart can help. One classification for the line printed and the code returned.

import { ConfigError } from "./config.js";
import { CorpusError } from "./corpus/corpus-error.js";
import { describeTokenProblem } from "./slack/transport/socket-reconnect.js";
import { StateStoreError } from "./state/state-store-error.js";

/**
 * Exit codes (docs/operations.md): 78 (EX_CONFIG) a setting, the corpus or a token is wrong and a
 * restart cannot help until someone fixes it; 69 (EX_UNAVAILABLE) something outside the bot is in
 * the way (Slack unreachable, the port taken) and a restart may help once it clears; 1 anything else.
 */
export const EXIT_CONFIG = 78;
export const EXIT_UNAVAILABLE = 69;
export const EXIT_FAILED = 1;

export interface StartFailure {
  readonly line: string;
  readonly exitCode: number;
}

export interface StartContext {
  /** No `.env` file where the bot started (dotenv found none). */
  readonly envFileMissing?: boolean;
  /** Some SLACK_* variable is set in the environment. */
  readonly slackSettingsInEnv?: boolean;
  /** The variable a refused token came from, when the failing call says (Socket Mode: SLACK_APP_TOKEN). */
  readonly refusedToken?: string;
}

/** Network failures below an HTTP answer: Slack was never reached. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** The Slack Web API client's code for a request that got no HTTP answer. */
const SLACK_REQUEST_ERROR = "slack_webapi_request_error";

/** The error and what it wraps (`original` from the Slack client, `cause` from fetch), a few deep. */
function chain(error: unknown): unknown[] {
  const links: unknown[] = [];
  let current = error;
  while (current !== null && typeof current === "object" && links.length < 4) {
    links.push(current);
    const next =
      (current as { original?: unknown }).original ?? (current as { cause?: unknown }).cause;
    if (next === current) break;
    current = next;
  }
  return links;
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Says what stopped the start and what to do about it, in one line, with its exit code. */
export function describeStartError(error: unknown, context: StartContext = {}): StartFailure {
  if (error instanceof ConfigError) {
    const noEnv = context.envFileMissing === true && context.slackSettingsInEnv !== true;
    return {
      line: noEnv
        ? `${error.message}. No .env file here: run \`cp .env.example .env\` and fill in the Slack settings`
        : error.message,
      exitCode: EXIT_CONFIG,
    };
  }
  if (error instanceof CorpusError || error instanceof StateStoreError)
    return { line: error.message, exitCode: EXIT_CONFIG };
  const links = chain(error);
  for (const link of links) {
    const token = describeTokenProblem(
      link,
      context.refusedToken ?? "SLACK_APP_TOKEN or SLACK_BOT_TOKEN",
    );
    if (token !== null) return { line: token, exitCode: EXIT_CONFIG };
  }
  const inUse = links.find((link) => codeOf(link) === "EADDRINUSE");
  if (inUse !== undefined) {
    const { address, port } = inUse as { address?: unknown; port?: unknown };
    const where = typeof port === "number" ? ` ${String(address ?? "")}:${port}` : "";
    return {
      line: `Cannot listen on${where}: another process holds that port; stop it, or set PORT (and HOST) to a free one`,
      exitCode: EXIT_UNAVAILABLE,
    };
  }
  if (codeOf(error) === "EACCES" && (error as { syscall?: unknown }).syscall === "listen") {
    return {
      line: `Cannot listen: ${messageOf(error)}; ports below 1024 need privileges, set PORT to 1024 or above`,
      exitCode: EXIT_CONFIG,
    };
  }
  // Only a Slack client's request: a network error from elsewhere (a feed, Redis) is not Slack's.
  if (links.some((link) => codeOf(link) === SLACK_REQUEST_ERROR)) {
    const network = links.find((link) => NETWORK_CODES.has(codeOf(link) ?? ""));
    const detail = messageOf(network ?? links[links.length - 1]);
    return {
      line: `Slack unreachable (${detail}): check the network (a proxy or firewall) and SLACK_API_URL (default https://slack.com/api/)`,
      exitCode: EXIT_UNAVAILABLE,
    };
  }
  return { line: `Failed: ${messageOf(error)}`, exitCode: EXIT_FAILED };
}

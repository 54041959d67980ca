import { App, type Logger, LogLevel, SocketModeReceiver } from "@slack/bolt";
import type { BotConfig } from "../config.js";
import type { FeedbackLog } from "../feedback/feedback-log.js";
import type { CorpusStats } from "../format/home-view.js";
import { AbsentWorkspaceLog } from "../install/absent-workspace-log.js";
import { InstallServer } from "../install/install-server.js";
import { createOAuthRoutes } from "../install/oauth-routes.js";
import { openWorkspaces } from "../install/open-workspaces.js";
import { inWorkspace, WorkspaceScopedStore } from "../install/workspace-scope.js";
import {
  InstalledWorkspaces,
  type WorkspaceContext,
  type Workspaces,
  workspaceName,
} from "../install/workspaces.js";
import { MemoryStore } from "../state/memory-store.js";
import type { StateStore } from "../state/state-store.js";
import { isAppRateLimited, RateLimitWarnings } from "./app-rate-limited.js";
import type { ListenerDeps } from "./deps.js";
import { claimOnce } from "./event-claims.js";
import { registerListeners } from "./listeners/index.js";
import { eventClaimKey } from "./payloads/claim-keys.js";
import { ackLeftovers } from "./transport/ack-leftovers.js";
import { createSlackFetch } from "./transport/http-fetch.js";
import { SlackHttpReceiver } from "./transport/http-receiver.js";
import { REPLAY_CLAIM_TTL_SECONDS, replayClaimKey } from "./transport/replay-claims.js";
import { DEFAULT_RETRY_POLICY } from "./transport/retry-policy.js";
import { guardEnvelopes } from "./transport/socket-envelope-guard.js";
import { superviseReconnects } from "./transport/socket-reconnect.js";
import { WorkQueue } from "./work-queue.js";

export interface AppDeps
  extends Omit<
    ListenerDeps,
    | "queue"
    | "state"
    | "feedback"
    | "examples"
    | "corpusStats"
    | "nowMilliseconds"
    | "commandName"
    | "workspaces"
    | "desk"
    | "deskStatus"
  > {
  /** The workspaces served and their tokens; from the config when not given. */
  workspaces?: Workspaces;
  /** `add`, `follow`, `unfollow` (the live desk); refused when not given. */
  desk?: ListenerDeps["desk"];
  /** Feed states and the corpus's last change, for the Home tab; none when not given. */
  deskStatus?: ListenerDeps["deskStatus"];
  /** What `/health?details` adds (HTTP mode); plain /health when not given. */
  healthDetails?: () => Promise<unknown>;
  /** Where work after an ack goes; a new one when not given. */
  queue?: WorkQueue;
  /** Claims (events, shares); an in-process MemoryStore when not given. */
  state?: StateStore;
  /** The vote log; without it, answers carry no feedback buttons. */
  feedback?: FeedbackLog | null;
  /** Questions the articles answer confidently (suggested prompts, Home examples); none when not given. */
  examples?: () => readonly string[];
  /** What the bot knows, for the Home tab; the Home tab is not published when not given. */
  corpusStats?: () => CorpusStats | null;
  config: BotConfig;
  /** Passages indexed, or null while the index is not ready: /health and requests answer 503. */
  passageCount: () => number | null;
  logger?: Logger;
  nowMilliseconds?: () => number;
  /**
   * Told when Socket Mode cannot reconnect for good (a revoked token): main exits with one line.
   * Logs when not given.
   */
  onFatal?: (error: unknown) => void;
  /** Web API client behaviour; tests shorten it. */
  webApi?: { timeoutMs: number; retries: number };
}

const LEVELS: Record<BotConfig["logLevel"], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

const defaultOnFatal = (error: unknown) =>
  console.error(`Socket Mode: cannot reconnect: ${error instanceof Error ? error.message : error}`);

/**
 * Builds the Bolt app over the core: Socket Mode or HTTP mode as the config says, listeners
 * registered, and retried event deliveries answered once (claimed in `state`). Call `await app.init()` before starting.
 */
export function createApp(deps: AppDeps): {
  app: App;
  receiver: SlackHttpReceiver | null;
  queue: WorkQueue;
  state: StateStore;
  workspaces: Workspaces;
  /** Socket Mode in OAuth mode: the install pages, to start on PORT. */
  installServer: InstallServer | null;
} {
  const { config } = deps;
  const callTimeoutMs = deps.webApi?.timeoutMs ?? config.slackCallTimeoutMs;
  // Every call to Slack, Web API and response_url alike (Bolt's `respond` posts with the client's
  // fetch), has a deadline and is retried only when it surely did not land: see http-fetch.ts.
  const slackFetch = createSlackFetch({
    timeoutMs: callTimeoutMs,
    policy: {
      ...DEFAULT_RETRY_POLICY,
      maxRetries: deps.webApi?.retries ?? DEFAULT_RETRY_POLICY.maxRetries,
    },
    // `app` exists by the time any call is made.
    onRetry: (url, outcome, delayMs) =>
      app.logger.warn(`Slack call to ${url.pathname} retried in ${delayMs} ms (${outcome.kind})`),
  });
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    // The fetch retries; the client's own retries would retry a timed-out post (a duplicate).
    retryConfig: { retries: 0 },
    // A 429 the fetch gave up on (Retry-After too long) fails at once instead of sleeping.
    rejectRateLimitedCalls: true,
    fetch: slackFetch,
  };
  // Per-workspace state lives under each workspace's scope (install/workspace-scope.ts); OAuth
  // states are claimed outside any workspace, in the store itself.
  const sharedState = deps.state ?? new MemoryStore(deps.nowMilliseconds);
  const late: { logger: Logger | undefined } = { logger: deps.logger };
  const workspaces =
    deps.workspaces ??
    openWorkspaces({
      config,
      clientOptions,
      state: sharedState,
      // The app's logger, once the app exists (@slack/oauth logs while it is being built).
      logger: {
        debug: (...m) => late.logger?.debug(...m),
        info: (...m) => late.logger?.info(...m),
        warn: (...m) => late.logger?.warn(...m),
        error: (...m) => late.logger?.error(...m),
      },
      ...(deps.nowMilliseconds ? { nowMilliseconds: deps.nowMilliseconds } : {}),
    });
  const oauthRoutes =
    workspaces instanceof InstalledWorkspaces
      ? createOAuthRoutes({
          installer: workspaces.installer,
          slashCommand: config.slashCommand,
          log: { info: (m) => app.logger.info(m), warn: (m) => app.logger.warn(m) },
        })
      : null;
  // One workspace: Bolt checks its token with auth.test at init. Many: each request's token comes
  // from the installation store.
  const tokens =
    workspaces.authorize === null
      ? { token: config.botToken as string }
      : { authorize: workspaces.authorize };
  const common = {
    ...tokens,
    // Bolt checks the token with auth.test; deferred, the caller awaits `app.init()` and a bad
    // token or an unreachable Slack stops the start with an error, instead of an unhandled rejection.
    deferInitialization: true,
    logLevel: LEVELS[config.logLevel],
    clientOptions,
    // Bolt's conversation store keeps state per channel on every request; no listener uses it.
    convoStore: false as const,
    ...(deps.logger ? { logger: deps.logger } : {}),
  };
  let receiver: SlackHttpReceiver | null = null;
  let installServer: InstallServer | null = null;
  let app: App;
  if (config.mode === "socket") {
    // The receiver is built here rather than by `socketMode: true`, so that its Socket Mode client
    // is reached through the receiver's public `client`.
    const socketReceiver = new SocketModeReceiver({
      appToken: config.appToken as string,
      logLevel: common.logLevel,
      ...(deps.logger ? { logger: deps.logger } : {}),
      // The Socket Mode client opens its connection through the Web API with these options: its
      // own retries (it keeps trying `apps.connections.open`), and the same deadlines as replies.
      installerOptions: {
        clientOptions: {
          ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
          fetch: slackFetch,
        },
      },
    });
    app = new App({ ...common, socketMode: true, receiver: socketReceiver });
    superviseReconnects(socketReceiver.client, (error) => (deps.onFatal ?? defaultOnFatal)(error));
    guardEnvelopes(socketReceiver.client, () => app.logger);
    if (oauthRoutes !== null) installServer = new InstallServer(oauthRoutes);
  } else {
    receiver = new SlackHttpReceiver({
      signingSecret: config.signingSecret as string,
      readiness: () => ({ passages: deps.passageCount() }),
      limits: { maxConnections: config.maxConnections },
      claimRequest: (signature) =>
        claimOnce(sharedState, replayClaimKey(signature), app.logger, REPLAY_CLAIM_TTL_SECONDS),
      ...(oauthRoutes !== null ? { routes: oauthRoutes } : {}),
      ...(deps.healthDetails ? { details: deps.healthDetails } : {}),
      ...(deps.nowMilliseconds ? { nowMilliseconds: deps.nowMilliseconds } : {}),
    });
    app = new App({ ...common, receiver });
  }

  late.logger = app.logger;
  // Bolt drops a body whose type it does not know before any middleware runs, leaving it unacked
  // until the receiver gives up (a 404 after 3 s): `app_rate_limited` is such a body, with its own
  // warning; any other is acked by `ackLeftovers`. Replacing `processEvent` is the only way in:
  // Bolt 5's App.processEvent returns on an untyped body before global middleware, and both
  // receivers call `app.processEvent` directly, with no public hook in between.
  const rateLimitWarnings = new RateLimitWarnings(app.logger, deps.nowMilliseconds);
  const processEvent = ackLeftovers(app.processEvent.bind(app), app.logger);
  app.processEvent = async (event) => {
    if (!isAppRateLimited(event.body)) return processEvent(event);
    await event.ack();
    rateLimitWarnings.notice(event.body);
  };

  // A request from a workspace without an installation (never installed, uninstalled, or the
  // store unreachable with nothing cached) is acknowledged and nothing else: no listener runs, so
  // no call goes out with a dead token. Logged once per workspace per hour.
  const absentLog = new AbsentWorkspaceLog((m) => app.logger.warn(m), deps.nowMilliseconds);
  app.use(async (args) => {
    const context = args.context as typeof args.context & WorkspaceContext;
    const absence = workspaces.absence(context);
    if (absence !== null) {
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      const name = workspaceName(context);
      const detail = context.workspaceAbsenceDetail ? ` (${context.workspaceAbsenceDetail})` : "";
      absentLog.notice(
        name,
        `Request from ${name} acknowledged, not answered: ${absence}${detail}; logged once an hour per workspace`,
      );
      return;
    }
    await inWorkspace(workspaces.scopeOf(context), args.next);
  });
  const state = new WorkspaceScopedStore(sharedState);
  app.use(async ({ body, next, logger }) => {
    const key = eventClaimKey(body);
    if (key !== null && !(await claimOnce(state, key, logger))) {
      logger.info(`${key} already taken: a retried delivery, not answered again`);
      return;
    }
    await next();
  });
  const queue =
    deps.queue ??
    new WorkQueue({
      jobDeadlineMs: config.jobDeadlineMs,
      onDeadline: () =>
        app.logger.error(
          `A reply job ran past its ${config.jobDeadlineMs} ms deadline: slot freed`,
        ),
    });
  registerListeners(app, {
    workspaces,
    ask: deps.ask,
    commandName: deps.config.slashCommand,
    queue,
    state,
    feedback: deps.feedback ?? null,
    examples: deps.examples ?? (() => []),
    corpusStats: deps.corpusStats ?? (() => null),
    nowMilliseconds: deps.nowMilliseconds ?? Date.now,
    desk: deps.desk ?? null,
    deskStatus: deps.deskStatus ?? (async () => null),
  });
  app.error(async (error) => {
    app.logger.error(`Unhandled error in a listener: ${error.message}`);
  });
  return { app, receiver, queue, state: sharedState, workspaces, installServer };
}

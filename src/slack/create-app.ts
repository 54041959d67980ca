import { App, type Logger, LogLevel } from "@slack/bolt";
import type { FeedbackLog } from "../feedback/feedback-log.js";
import type { CorpusStats } from "../format/home-view.js";
import { MemoryStore } from "../state/memory-store.js";
import type { StateStore } from "../state/state-store.js";
import { isAppRateLimited, RateLimitWarnings } from "./app-rate-limited.js";
import type { BotConfig } from "./config.js";
import type { ListenerDeps } from "./deps.js";
import { claimOnce, eventClaimKey } from "./event-claims.js";
import { httpFetch } from "./http-fetch.js";
import { SlackHttpReceiver } from "./http-receiver.js";
import { registerListeners } from "./listeners/index.js";
import { WorkQueue } from "./work-queue.js";

export interface AppDeps
  extends Omit<
    ListenerDeps,
    "queue" | "state" | "feedback" | "examples" | "corpusStats" | "nowMilliseconds"
  > {
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
  /** Web API client behaviour; tests shorten it. */
  webApi?: { timeoutMs: number; retries: number };
}

const LEVELS: Record<BotConfig["logLevel"], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/**
 * Builds the Bolt app over the core: Socket Mode or HTTP mode as the config says, listeners
 * registered, and retried event deliveries answered once (claimed in `state`). Call `await app.init()` before starting.
 */
export function createApp(deps: AppDeps): {
  app: App;
  receiver: SlackHttpReceiver | null;
  queue: WorkQueue;
  state: StateStore;
} {
  const { config } = deps;
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    // Retry 5xx and 429 (after Retry-After) a few times, as the Web API client does, but give up
    // within seconds: a reply minutes late is worse than an apology.
    retryConfig: {
      retries: deps.webApi?.retries ?? 2,
      factor: 2,
      minTimeout: 200,
      maxTimeout: 2_000,
    },
    timeout: deps.webApi?.timeoutMs ?? 5_000,
    // Both the Web API client and Bolt's `respond` post through it: see http-fetch.ts for why.
    fetch: httpFetch,
  };
  const common = {
    token: config.botToken,
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
  let app: App;
  if (config.mode === "socket") {
    const { retryConfig: _replies, ...socketClientOptions } = clientOptions;
    app = new App({
      ...common,
      socketMode: true,
      appToken: config.appToken as string,
      // The Socket Mode client opens its connection through the Web API with these options. Left
      // without a retryConfig, it keeps retrying `apps.connections.open` (its own default) instead
      // of giving up after two tries as replies do: a reconnecting bot must not stop trying.
      installerOptions: { clientOptions: socketClientOptions },
    });
  } else {
    receiver = new SlackHttpReceiver({
      signingSecret: config.signingSecret as string,
      readiness: () => ({ passages: deps.passageCount() }),
      ...(deps.nowMilliseconds ? { nowMilliseconds: deps.nowMilliseconds } : {}),
    });
    app = new App({ ...common, receiver });
  }

  // Bolt drops a body whose type it does not know before any middleware runs, leaving it unacked
  // until the receiver gives up (a 404 after 3 s); `app_rate_limited` is such a body.
  const rateLimitWarnings = new RateLimitWarnings(app.logger, deps.nowMilliseconds);
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    if (!isAppRateLimited(event.body)) return processEvent(event);
    await event.ack();
    rateLimitWarnings.notice(event.body);
  };

  const state = deps.state ?? new MemoryStore(deps.nowMilliseconds);
  app.use(async ({ body, next, logger }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && !(await claimOnce(state, eventClaimKey(eventId), logger))) {
      logger.info(`Event ${eventId} already taken: a retried delivery, not answered again`);
      return;
    }
    await next();
  });
  const queue = deps.queue ?? new WorkQueue();
  registerListeners(app, {
    answer: deps.answer,
    queue,
    state,
    feedback: deps.feedback ?? null,
    examples: deps.examples ?? (() => []),
    corpusStats: deps.corpusStats ?? (() => null),
    nowMilliseconds: deps.nowMilliseconds ?? Date.now,
  });
  app.error(async (error) => {
    app.logger.error(`Unhandled error in a listener: ${error.message}`);
  });
  return { app, receiver, queue, state };
}

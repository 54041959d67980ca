import { App, type Logger, LogLevel } from "@slack/bolt";
import type { BotConfig } from "../config.js";
import type { ListenerDeps } from "./deps.js";
import { httpFetch } from "./http-fetch.js";
import { SlackHttpReceiver } from "./http-receiver.js";
import { registerListeners } from "./listeners/index.js";
import { SeenEvents } from "./seen-events.js";
import { WorkQueue } from "./work-queue.js";

export interface AppDeps extends Omit<ListenerDeps, "queue"> {
  /** Where work after an ack goes; a new one when not given. */
  queue?: WorkQueue;
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
 * registered, and retried event deliveries answered once. Call `await app.init()` before starting.
 */
export function createApp(deps: AppDeps): {
  app: App;
  receiver: SlackHttpReceiver | null;
  queue: WorkQueue;
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

  const seen = new SeenEvents(deps.nowMilliseconds);
  app.use(async ({ body, next, logger }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && !seen.firstTime(eventId)) {
      logger.info(`Event ${eventId} already taken: a retried delivery, not answered again`);
      return;
    }
    await next();
  });
  const queue = deps.queue ?? new WorkQueue();
  registerListeners(app, { answer: deps.answer, queue });
  app.error(async (error) => {
    app.logger.error(`Unhandled error in a listener: ${error.message}`);
  });
  return { app, receiver, queue };
}

// The bot's entry point: read and check config, register listeners, check the token with Slack,
// listen at once (/health says "building", url_verification is answered), open the index in a
// serving thread of its own, then serve. SIGHUP (and, with RELOAD=watch, a change in CORPUS_DIR)
// opens the next serving thread beside the one serving and swaps it in, as does any replica
// announcing new articles (feeds, `/syria add`) on the live store's channel. SIGTERM and SIGINT
// stop it: no new requests, work in flight drained for at most SHUTDOWN_TIMEOUT_MS, then exit; a
// second signal exits at once.

import dotenv from "dotenv";
import { type BotConfig, loadConfig } from "./config.js";
import { openFeedbackLog } from "./feedback/open-feedback-log.js";
import { GracefulStop } from "./graceful-stop.js";
import { linkIngest } from "./live/ingest-link.js";
import { createLiveDesk } from "./live/live-desk.js";
import { ReloadTrigger } from "./reload-trigger.js";
import { type ServingSummary, ServingThread } from "./requests/serving-thread.js";
import { IndexReloader, watchCorpus } from "./search/index-reloader.js";
import { createApp } from "./slack/create-app.js";
import { digestPoster } from "./slack/post-digest.js";
import { describeStartError, type StartContext } from "./start-error.js";
import { openStateStore } from "./state/open-state-store.js";

/** What the start knew about `.env`, for a hint in the line that stops it. */
let startContext: StartContext = {};

function die(error: unknown, refusedToken?: string): never {
  const failure = describeStartError(error, {
    ...startContext,
    ...(refusedToken && { refusedToken }),
  });
  console.error(failure.line);
  process.exit(failure.exitCode);
}

/** How an opened index came to be, for the log. */
function howOpened(opened: ServingSummary, config: BotConfig): string {
  return opened.source === "prebuilt"
    ? `loaded from ${config.indexFile}`
    : `built from ${config.corpusDir} (${opened.reason})`;
}

async function main(): Promise<void> {
  let reloader: IndexReloader<ServingThread> | null = null;
  const reloads = new ReloadTrigger();
  reloads.listen();
  const dotenvResult = dotenv.config({ quiet: true });
  startContext = {
    envFileMissing: (dotenvResult.error as { code?: string } | undefined)?.code === "ENOENT",
    slackSettingsInEnv: Object.keys(process.env).some((name) => name.startsWith("SLACK_")),
  };
  const config = loadConfig(process.env);
  // Redis down at start is one line and a stop (unless REDIS_OPTIONAL): claims shared by replicas
  // are what keeps a retried event from being answered twice.
  const state = await openStateStore({
    redisUrl: config.redisUrl,
    redisOptional: config.redisOptional,
    redis: { commandTimeoutMs: config.redisTimeoutMs },
    keyPrefix: config.redisPrefix,
    logger: console,
  });
  const feedback = await openFeedbackLog({
    file: config.feedbackFile,
    secret: config.feedbackSecret,
    state,
    stateIsShared: config.redisUrl !== null,
    info: (message) => console.info(message),
  });
  // Read per request: a reload swaps what the reloader holds, and the next request sees it.
  const serving = (): ServingThread | null => reloader?.current ?? null;
  const ready = (): ServingThread => {
    const current = serving();
    if (current === null) throw new Error("the index is not ready");
    return current;
  };
  // The live desk: feeds polled on one replica, `/syria add`, follows and digests, and a reload on
  // every replica when any adds articles. Its logs go to the app's logger, which exists before any
  // of them is written (the desk starts once the index is served).
  const log = {
    debug: (message: string) => app.logger.debug(message),
    info: (message: string) => app.logger.info(message),
    warn: (message: string) => app.logger.warn(message),
  };
  const ingest = linkIngest(config, log);
  const live = createLiveDesk({
    redisUrl: config.redisUrl,
    redisTimeoutMs: config.redisTimeoutMs,
    claims: state,
    pollSeconds: config.feeds.feedPollSeconds,
    leaseSeconds: config.live.pollLeaseSeconds,
    digestMinutes: config.live.digestMinutes,
    editors: config.live.editors,
    poll: ingest.poll,
    addUrl: ingest.addUrl,
    reload: (why) => reloads.request(why),
    current: serving,
    post: (follow, digest) =>
      digestPoster(
        (teamId) => workspaces.clientForTeam(teamId),
        config.slashCommand,
        config.slackCallTimeoutMs,
      )(follow, digest),
    logger: log,
  });
  const { app, receiver, queue, workspaces, installServer } = createApp({
    config,
    state,
    passageCount: () => serving()?.passages ?? null,
    ask: (request, commandName) => ready().ask(request, commandName),
    feedback,
    examples: () => serving()?.summary.examples ?? [],
    corpusStats: () => serving()?.summary.stats ?? null,
    desk: live.commands,
    deskStatus: () => live.status(),
    healthDetails: async () => ({ polling: live.polling(), ...(await live.status()) }),
    // A Socket Mode reconnect refused for good (a revoked or rotated app token).
    onFatal: (error) => die(error, "SLACK_APP_TOKEN"),
  });

  let stopWatch = (): void => {};
  const stop = new GracefulStop({
    timeoutMs: config.shutdownTimeoutMs,
    logger: app.logger,
    refuseNewWork: () => {
      stopWatch();
      reloader?.close();
    },
    drain: async () => {
      await live.stop();
      await (receiver ? receiver.stop() : app.stop());
      await installServer?.stop();
      await queue.idle();
      await reloader?.current.retire();
      await workspaces.close();
      await ingest.close();
      await state.close();
    },
  });
  stop.listen();

  await app.init();
  const port = receiver ? await receiver.start(config.port, config.host) : null;
  if (port !== null) app.logger.info(`Listening on ${config.host}:${port}; building the index`);
  if (installServer !== null) {
    const installPort = await installServer.start(config.port, config.host);
    app.logger.info(`Install pages on ${config.host}:${installPort}/slack/install`);
  }
  if (workspaces.mode === "oauth") {
    const where = config.redisUrl ? "Redis (REDIS_URL)" : config.oauth?.installationsDir;
    app.logger.info(
      `OAuth mode: any workspace can install; installations kept encrypted in ${where}`,
    );
  }

  // The index is served from a thread of its own (requests/serving-thread.ts): it loads or builds
  // there, and a reload opens the next thread beside the one serving, then swaps and retires it.
  const threads = {
    warn: (message: string) => app.logger.warn(message),
    requestDeadlineMs: config.jobDeadlineMs,
    onUnexpectedExit: (thread: ServingThread, why: string) => {
      if (thread !== serving()) return;
      app.logger.error(`Index: ${why}; opening the index again`);
      reloads.request("the serving thread stopped");
    },
  };
  const started = performance.now();
  const first = await ServingThread.open(config, threads);
  const elapsed = Math.round(performance.now() - started);
  app.logger.info(`Index ${howOpened(first.summary, config)} in ${elapsed} ms`);
  const passages = first.passages;
  reloader = new IndexReloader<ServingThread>({
    current: first,
    build: async () => {
      const next = await ServingThread.open(config, threads);
      app.logger.info(`Reload: index ${howOpened(next.summary, config)}`);
      return next;
    },
    passagesOf: (thread) => thread.passages,
    retire: (old) => void old.retire(),
    logger: app.logger,
    debounceMs: config.reloadDebounceMs,
  });
  if (stop.stopping) return;
  if (config.reload === "watch") stopWatch = watchCorpus(config.corpusDir, reloader, app.logger);
  reloads.serve(reloader);
  await live.start();

  if (port !== null) {
    app.logger.info(`Ready in HTTP mode on port ${port}: ${passages} passages`);
  } else {
    await app.start();
    app.logger.info(`Ready in Socket Mode: ${passages} passages`);
  }
}

// Whatever escapes (a library's promise nobody awaits) stops the bot with one line, not a trace.
process.on("unhandledRejection", (reason) => die(reason));
main().catch((error) => die(error));

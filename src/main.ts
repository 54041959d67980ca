// The bot's entry point: read and check config, register listeners, check the token with Slack,
// listen at once (/health says "building", url_verification is answered), build or load the index
// off the main thread, then serve. SIGHUP (and, with RELOAD=watch, a change in CORPUS_DIR) builds
// the next index beside the one served and swaps it in, as does any replica announcing new articles
// (feeds, `/syria add`) on the live store's channel. SIGTERM and SIGINT stop it: no new
// requests, work in flight drained for at most SHUTDOWN_TIMEOUT_MS, then exit; a second signal
// exits at once.

import dotenv from "dotenv";
import { type BotConfig, loadConfig } from "./config.js";
import { openFeedbackLog } from "./feedback/open-feedback-log.js";
import { GracefulStop } from "./graceful-stop.js";
import { linkIngest } from "./live/ingest-link.js";
import { createLiveDesk } from "./live/live-desk.js";
import { ReloadTrigger } from "./reload-trigger.js";
import { DESK_DERIVATION } from "./requests/desk-data.js";
import { newsDataFor } from "./requests/news-data-for.js";
import { prepareServingIndex, type ServingIndex } from "./requests/serving-index.js";
import { IndexReloader, watchCorpus } from "./search/index-reloader.js";
import { type OpenedIndex, openIndex } from "./search/index-store.js";
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
function howOpened(opened: OpenedIndex, config: BotConfig): string {
  return opened.source === "prebuilt"
    ? `loaded from ${config.indexFile}`
    : `built from ${config.corpusDir} (${opened.reason})`;
}

async function main(): Promise<void> {
  let reloader: IndexReloader<ServingIndex> | null = null;
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
  const serving = (): ServingIndex | null => reloader?.current ?? null;
  const ready = (): ServingIndex => {
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
    current: () => {
      const current = serving();
      return current === null ? null : newsDataFor(current.index);
    },
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
    passageCount: () => serving()?.index.passages.length ?? null,
    ask: (request, commandName) => ready().ask(request, commandName),
    feedback,
    examples: () => serving()?.examples ?? [],
    corpusStats: () => serving()?.stats ?? null,
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

  const warn = (message: string) => app.logger.warn(message);
  const started = performance.now();
  const opened = await openIndex(config, { offThread: true, warn, derive: DESK_DERIVATION });
  const elapsed = Math.round(performance.now() - started);
  app.logger.info(`Index ${howOpened(opened, config)} in ${elapsed} ms`);
  const first = prepareServingIndex(opened.index);
  const passages = first.index.passages.length;
  // A reload builds in the worker as the first build did (or loads a shared INDEX_FILE newer than
  // the corpus); the news reading and examples are built there too and read here, then the swap.
  reloader = new IndexReloader<ServingIndex>({
    current: first,
    build: async () => {
      const next = await openIndex(config, { offThread: true, warn, derive: DESK_DERIVATION });
      app.logger.info(`Reload: index ${howOpened(next, config)}`);
      return prepareServingIndex(next.index);
    },
    passagesOf: (value) => value.index.passages.length,
    logger: app.logger,
    debounceMs: config.reloadDebounceMs,
  });
  if (stop.stopping) return;
  if (config.reload === "watch") {
    try {
      stopWatch = watchCorpus(config.corpusDir, reloader, (error) =>
        app.logger.warn(
          `Reload: the watch on ${config.corpusDir} failed (${error.message}); SIGHUP still reloads`,
        ),
      );
    } catch (error) {
      app.logger.warn(
        `Reload: cannot watch ${config.corpusDir} (${error instanceof Error ? error.message : error}); SIGHUP still reloads`,
      );
    }
  }
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

// The bot's entry point: read and check config, register listeners, check the token with Slack,
// start listening (503 until ready), build or load the index, then serve. SIGTERM and SIGINT stop
// it gracefully: no new requests, and every one in flight, replies included, finished first.
import dotenv from "dotenv";
import { cachedAnswers } from "./answer/answer-cache.js";
import { answerQuestion } from "./answer/answer-question.js";
import { CorpusError } from "./corpus/corpus-error.js";
import type { PassageIndex } from "./search/passage-index.js";
import { openIndex } from "./search/prebuilt-index.js";
import { ConfigError, loadConfig } from "./slack/config.js";
import { createApp } from "./slack/create-app.js";

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  let index: PassageIndex | null = null;
  const { app, receiver, queue } = createApp({
    config,
    passageCount: () => index?.passages.length ?? null,
    answer: cachedAnswers((question) => {
      if (index === null) throw new Error("the index is not ready");
      return answerQuestion(index, question);
    }),
  });
  await app.init();
  const port = receiver ? await receiver.start(config.port) : null;

  const started = performance.now();
  const opened = await openIndex(config.corpusDir, config.indexFile);
  const elapsed = Math.round(performance.now() - started);
  const how =
    opened.source === "prebuilt"
      ? `loaded from ${config.indexFile}`
      : `built from ${config.corpusDir} (${opened.reason})`;
  app.logger.info(`Index ${how} in ${elapsed} ms`);
  index = opened.index;

  if (port !== null) {
    app.logger.info(`Ready in HTTP mode on port ${port}: ${index.passages.length} passages`);
  } else {
    await app.start();
    app.logger.info(`Ready in Socket Mode: ${index.passages.length} passages`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info(`${signal}: finishing requests in flight, then stopping`);
    await (receiver ? receiver.stop() : app.stop());
    await queue.idle();
    app.logger.info("Stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CorpusError) console.error(error.message);
  else console.error("Failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});

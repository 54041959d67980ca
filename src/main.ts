// The bot's entry point: read and check config, build the index, register listeners, start.
import dotenv from "dotenv";
import { answerQuestion } from "./answer/answer-question.js";
import { CorpusError } from "./corpus/corpus-error.js";
import { openIndex } from "./search/prebuilt-index.js";
import { ConfigError, loadConfig } from "./slack/config.js";
import { createApp } from "./slack/create-app.js";

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  const started = performance.now();
  const { index, source, reason } = await openIndex(config.corpusDir, config.indexFile);
  const { app, receiver, queue } = createApp({
    config,
    passageCount: index.passages.length,
    answer: (question) => answerQuestion(index, question),
  });
  const elapsed = Math.round(performance.now() - started);
  const how =
    source === "prebuilt"
      ? `loaded from ${config.indexFile}`
      : `built from ${config.corpusDir} (${reason})`;
  app.logger.info(`Index ${how} in ${elapsed} ms`);
  await app.init();
  if (receiver) {
    const port = await receiver.start(config.port);
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

// The real bot in HTTP mode on 127.0.0.1, for load runs: its Web API is SLACK_API_URL (a fake
// Slack). Prints {"port": N} once listening; SIGTERM stops it gracefully. Answers are cached as
// in src/main.ts, unless BENCH_ANSWER_CACHE=off.
import { loadConfig } from "../../src/config.js";
import { answererFor } from "../../src/requests/request-answerer.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { createApp } from "../../src/slack/create-app.js";

const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "error" });
const index = await buildIndexFromCorpus(config.corpusDir);
const { app, receiver, queue } = createApp({
  config,
  passageCount: () => index.passages.length,
  ask: answererFor(index, process.env.BENCH_ANSWER_CACHE === "off" ? { cacheSize: 0 } : {}),
});
await app.init();
if (!receiver)
  throw new Error("serve-bot: HTTP mode needs SLACK_SIGNING_SECRET and no SLACK_APP_TOKEN");
const port = await receiver.start(0, "127.0.0.1");
const cpuAtReady = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.on(
  "SIGTERM",
  () =>
    void receiver.stop().then(async () => {
      await queue.idle();
      // The bench reads this last line: commands acked "busy" because the queue was full, and the
      // CPU time spent serving since ready.
      const cpu = process.cpuUsage(cpuAtReady);
      process.stderr.write(
        `${JSON.stringify({ refused: queue.refused, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`,
      );
      process.exit(0);
    }),
);

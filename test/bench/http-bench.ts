import autocannon from "autocannon";
import { FORM, signedHeaders, slashCommandForm } from "../support/slack-payloads.js";
import { startChild } from "./child-server.js";
import { QUESTION_MIX } from "./question-mix.js";

const SECRET = "bench-signing-secret";

/** The bot as shipped (answers of repeated questions cached), the bot with every answer searched, and a bare server. */
export type HttpServerKind = "bot" | "bot, no answer cache" | "bare";

export interface HttpBenchRow {
  server: HttpServerKind;
  inFlight: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  /** Bot only: answers that reached the response_url, all finished before the bot exited. */
  answered: number | null;
  /** Bot only: answers delivered per second, from the first command to the last answer. */
  answersPerSecond: number | null;
  /** Bot only: the bot's CPU time (acks, answers, replies, its warm-up) over the commands sent. */
  cpuMsPerCommand: number | null;
  /** Bot only: commands acked "busy" because the work queue was full. */
  busy: number | null;
}

function slashCommand(
  responseUrl: string,
  question: string,
): { body: string; headers: Record<string, string> } {
  const body = slashCommandForm(question, responseUrl);
  return { body, headers: signedHeaders(SECRET, body, FORM) };
}

/** Signed commands, `inFlight` at a time for `seconds`, their questions taken in turn from the mix. */
async function fire(port: number, inFlight: number, seconds: number, responseUrl: string) {
  let sent = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/slack/events`,
    connections: inFlight,
    duration: seconds,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => ({
          ...request,
          ...slashCommand(responseUrl, QUESTION_MIX[sent++ % QUESTION_MIX.length] as string),
        }),
      },
    ],
  });
  return {
    inFlight,
    total: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function answeredCount(fakeUrl: string, name: string): Promise<number> {
  const stats = (await (await fetch(`${fakeUrl}/_stats`)).json()) as {
    counts: Record<string, number>;
  };
  return stats.counts[name] ?? 0;
}

/**
 * Signed slash commands at the real bot in HTTP mode (its own process, Web API and response_url
 * at a fake Slack in a third), then at a bare server that only checks the signature. Each level
 * gets a fresh server, so no backlog carries over. For the bot, the answers count too: after the
 * burst it is stopped with SIGTERM, which finishes every accepted answer, and the fake counts them.
 */
export async function benchHttp(
  levels: readonly number[],
  seconds: number,
): Promise<HttpBenchRow[]> {
  const fake = await startChild("test/bench/serve-fake-slack.ts", {});
  const fakeUrl = fake.info.url as string;
  const env = {
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${fakeUrl}/api/`,
  };
  const rows: HttpBenchRow[] = [];
  for (const [server, script, extraEnv] of [
    ["bot", "test/bench/serve-bot.ts", {}],
    ["bot, no answer cache", "test/bench/serve-bot.ts", { BENCH_ANSWER_CACHE: "off" }],
    ["bare", "test/bench/serve-bare.ts", {}],
  ] as const) {
    for (const inFlight of levels) {
      const child = await startChild(script, { ...env, ...extraEnv });
      const port = child.info.port as number;
      const warmUp = await fire(port, 10, 1, `${fakeUrl}/response/warm-up`);
      const name = `bench-${rows.length}`;
      const started = performance.now();
      const { total, ...fired } = await fire(
        port,
        inFlight,
        seconds,
        `${fakeUrl}/response/${name}`,
      );
      const exit = await child.stop();
      const elapsedS = (performance.now() - started) / 1000;
      if (server === "bare") {
        rows.push({
          server,
          ...fired,
          cpuMsPerCommand: null,
          answered: null,
          answersPerSecond: null,
          busy: null,
        });
        continue;
      }
      const busy = typeof exit?.refused === "number" ? exit.refused : null;
      const answered = await answeredCount(fakeUrl, name);
      const cpuMs = typeof exit?.cpuMs === "number" ? exit.cpuMs : null;
      rows.push({
        server,
        ...fired,
        // The bot's CPU time counts from ready, so the warm-up's commands count too.
        cpuMsPerCommand: cpuMs === null ? null : cpuMs / (total + warmUp.total),
        answered,
        answersPerSecond: answered / elapsedS,
        busy,
      });
    }
  }
  await fake.stop();
  return rows;
}

// `npm run loadtest`: the real bot in HTTP mode (its own process) against a fake Slack (another),
// under a burst of signed requests. Checks that every slash command is acked within 3 s and its
// answer reaches its response_url, and that mentions delivered twice, as Slack retries, are
// answered once each. Prints the numbers; exits 1 if any check fails.
import autocannon from "autocannon";
import { eventCallback, FORM, signedHeaders, slashCommandForm } from "../support/slack-payloads.js";
import { startChild } from "./child-server.js";

const SECRET = "loadtest-signing-secret";
const COMMANDS = 500;
const MENTIONS = 200;
const IN_FLIGHT = 50;

async function stats(
  fakeUrl: string,
): Promise<{ counts: Record<string, number>; threads: string[] }> {
  return (await fetch(`${fakeUrl}/_stats`)).json() as Promise<{
    counts: Record<string, number>;
    threads: string[];
  }>;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

async function slashCommands(port: number, fakeUrl: string) {
  let sent = 0;
  const started = Date.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/slack/events`,
    connections: IN_FLIGHT,
    amount: COMMANDS,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const id = sent++;
          const body = slashCommandForm(
            ["who granted asylum", "why humanitarian", "Hmeimim airbase", "help", "banana bread"][
              id % 5
            ] as string,
            `${fakeUrl}/response/load-${id}`,
            { user_id: `U${id}`, trigger_id: `t${id}` },
          );
          return { ...request, body, headers: signedHeaders(SECRET, body, FORM) };
        },
      },
    ],
  });
  const answered = await waitFor(async () => {
    const { counts } = await stats(fakeUrl);
    return Object.keys(counts).filter((name) => name.startsWith("load-")).length >= COMMANDS;
  }, 60_000);
  const { counts } = await stats(fakeUrl);
  const delivered = Object.keys(counts).filter((name) => name.startsWith("load-")).length;
  return {
    sent: result.requests.total,
    acked: result["2xx"],
    errors: result.errors + result.timeouts + result.non2xx,
    ackP50: result.latency.p50,
    ackP99: result.latency.p99,
    ackMax: result.latency.max,
    delivered,
    lost: COMMANDS - delivered,
    allDeliveredMs: answered ? Date.now() - started : null,
  };
}

async function retriedMentions(port: number, fakeUrl: string) {
  const before = (await stats(fakeUrl)).counts["chat.postMessage"] ?? 0;
  const deliveries = Array.from({ length: MENTIONS * 2 }, (_, i) => ({
    n: i % MENTIONS,
    retry: i >= MENTIONS,
  }));
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < deliveries.length) {
      const { n, retry } = deliveries[next++] as { n: number; retry: boolean };
      const mention = {
        type: "app_mention",
        user: "U1",
        channel: "C1",
        ts: `${1000 + n}.1`,
        text: "<@UBOT> Tartus",
      };
      const body = JSON.stringify(eventCallback(mention, `EvLoad${n}`));
      const headers = signedHeaders(SECRET, body, "application/json");
      if (retry)
        Object.assign(headers, {
          "x-slack-retry-num": "1",
          "x-slack-retry-reason": "http_timeout",
        });
      const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: "POST",
        headers,
        body,
      });
      if (response.status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  await waitFor(
    async () => ((await stats(fakeUrl)).counts["chat.postMessage"] ?? 0) - before >= MENTIONS,
    30_000,
  );
  await new Promise((r) => setTimeout(r, 1_000)); // any duplicate would have arrived by now
  const after = await stats(fakeUrl);
  const replies = (after.counts["chat.postMessage"] ?? 0) - before;
  return {
    deliveries: deliveries.length,
    failed,
    replies,
    distinctThreads: new Set(after.threads).size,
  };
}

async function main(): Promise<number> {
  const fake = await startChild("test/bench/serve-fake-slack.ts", {});
  const fakeUrl = fake.info.url as string;
  const bot = await startChild("test/bench/serve-bot.ts", {
    SLACK_BOT_TOKEN: "xoxb-loadtest",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${fakeUrl}/api/`,
    CORPUS_DIR: process.env.CORPUS_DIR ?? "corpus",
  });
  const port = bot.info.port as number;
  const commands = await slashCommands(port, fakeUrl);
  const mentions = await retriedMentions(port, fakeUrl);
  await bot.stop();
  await fake.stop();

  const checks = [
    [
      `${COMMANDS} slash commands all acked with 2xx`,
      commands.acked === COMMANDS && commands.errors === 0,
    ],
    ["every ack within 3 s", commands.ackMax < 3_000],
    ["every answer reached its response_url (zero lost)", commands.lost === 0],
    [
      `${MENTIONS} mentions sent twice: exactly ${MENTIONS} replies`,
      mentions.replies === MENTIONS && mentions.failed === 0,
    ],
  ] as const;
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ commands, mentions, checks }));
  } else {
    console.log(`Slash commands: ${commands.sent} sent, ${IN_FLIGHT} in flight`);
    console.log(
      `  acked ${commands.acked}, errors ${commands.errors}; ack p50 ${commands.ackP50} ms, p99 ${commands.ackP99} ms, max ${commands.ackMax} ms`,
    );
    console.log(
      `  answers delivered ${commands.delivered}, lost ${commands.lost}; all delivered after ${commands.allDeliveredMs} ms`,
    );
    console.log(
      `Mentions: ${mentions.deliveries} deliveries (each event twice), ${mentions.failed} refused`,
    );
    console.log(`  replies ${mentions.replies}, in ${mentions.distinctThreads} distinct threads`);
    for (const [name, ok] of checks) console.log(`${ok ? "PASS" : "FAIL"} ${name}`);
  }
  return checks.every(([, ok]) => ok) ? 0 : 1;
}

process.exitCode = await main();

import autocannon from "autocannon";
import { signSlackRequest } from "../../src/slack/verify-signature.js";
import { startChild } from "./child-server.js";

const SECRET = "bench-signing-secret";

export interface HttpBenchRow {
  server: "bot" | "bare";
  inFlight: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

function slashCommand(responseUrl: string): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    command: "/syria",
    text: "who granted asylum",
    user_id: "U1",
    channel_id: "C1",
    team_id: "T1",
    response_url: responseUrl,
    trigger_id: "t",
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signSlackRequest(SECRET, timestamp, body),
    },
  };
}

async function fire(
  port: number,
  inFlight: number,
  seconds: number,
  request: ReturnType<typeof slashCommand>,
) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/slack/events`,
    method: "POST",
    connections: inFlight,
    duration: seconds,
    ...request,
  });
  return {
    inFlight,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * Signed slash commands at the real bot in HTTP mode (its own process, Web API and response_url
 * at a fake Slack in a third), then at a bare server that only checks the signature.
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
  const request = slashCommand(`${fakeUrl}/response/bench`);
  for (const [server, script] of [
    ["bot", "test/bench/serve-bot.ts"],
    ["bare", "test/bench/serve-bare.ts"],
  ] as const) {
    const child = await startChild(script, env);
    const port = child.info.port as number;
    await fire(port, 10, 1, request); // warm-up
    for (const inFlight of levels)
      rows.push({ server, ...(await fire(port, inFlight, seconds, request)) });
    await child.stop();
  }
  await fake.stop();
  return rows;
}

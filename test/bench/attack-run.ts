// `npx tsx test/bench/attack-run.ts`: the real bot in HTTP mode (its own process, MAX_CONNECTIONS
// at its default of 512) against a fake Slack (another), attacked from this process with raw
// sockets on 127.0.0.1 as a stranger would: slow clients holding connections (slowloris) while
// Slack's signed commands arrive, 4 MB bodies unsigned and with a forged signature, and a captured
// command replayed. Prints what each attack did; the figures in docs/load-and-reliability.md.
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { FORM, signedHeaders, slashCommandForm } from "../support/slack-payloads.js";
import { startChild } from "./child-server.js";

const SECRET = "attack-signing-secret";
const SLOW_CLIENTS = Number(process.env.SLOW_CLIENTS ?? 520);
const COMMANDS = 61;
const BIG_POSTS = 400;
const BIG = 4 * 1024 * 1024;
/** Big posts in flight at once: all 400 unless told (BIG_IN_FLIGHT). */
const BIG_IN_FLIGHT = Number(process.env.BIG_IN_FLIGHT ?? BIG_POSTS);
/** One body for every post, so that this process does not hold 400 copies. */
const BIG_BODY = Buffer.alloc(BIG, "a");

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kib / 1024);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function responseCount(fakeUrl: string, prefix: string): Promise<number> {
  const { counts } = (await (await fetch(`${fakeUrl}/_stats`)).json()) as {
    counts: Record<string, number>;
  };
  return Object.entries(counts)
    .filter(([name]) => name.startsWith(prefix))
    .reduce((sum, [, n]) => sum + n, 0);
}

/** Keeps `count` slow clients connected: each sends part of its headers, a line every 2 s, and reconnects when cut. */
function slowloris(port: number, count: number): { stop: () => void; reconnects: () => number } {
  let stopped = false;
  let reconnects = 0;
  const sockets = new Set<Socket>();
  const open = () => {
    if (stopped) return;
    const socket = connect(port, "127.0.0.1");
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("connect", () => socket.write("POST /slack/events HTTP/1.1\r\nHost: x\r\n"));
    const trickle = setInterval(() => socket.write("x-a: b\r\n"), 2_000);
    socket.on("close", () => {
      clearInterval(trickle);
      sockets.delete(socket);
      if (!stopped) {
        reconnects++;
        setTimeout(open, 50);
      }
    });
  };
  for (let i = 0; i < count; i++) open();
  return {
    stop: () => {
      stopped = true;
      for (const socket of sockets) socket.destroy();
    },
    reconnects: () => reconnects,
  };
}

async function signedCommand(port: number, fakeUrl: string, id: string): Promise<number | string> {
  const body = slashCommandForm(`Hmeimim ${id}`, `${fakeUrl}/response/${id}`);
  try {
    const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: "POST",
      headers: signedHeaders(SECRET, body, FORM),
      body,
      signal: AbortSignal.timeout(3_000),
    });
    return response.status;
  } catch (error) {
    return (error as Error).name;
  }
}

/** Posts a 4 MB body over a raw socket with `headers`; resolves when the server answers or cuts it. */
function bigPost(port: number, headers: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const done = () => {
      socket.destroy();
      resolve();
    };
    socket.on("error", done);
    socket.on("close", done);
    socket.on("data", done);
    socket.setTimeout(15_000, done);
    socket.on("connect", () => {
      socket.write(
        `POST /slack/events HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: ${BIG}\r\n${headers}\r\n`,
      );
      socket.end(BIG_BODY);
    });
  });
}

async function bigPosts(port: number, pid: number, headers: () => string) {
  const before = rssMiB(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMiB(pid));
  }, 50);
  let next = 0;
  const worker = async () => {
    while (next < BIG_POSTS) {
      next++;
      await bigPost(port, headers());
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: BIG_IN_FLIGHT }, worker));
  clearInterval(sampler);
  await sleep(1_000);
  return { before, peak, after: rssMiB(pid), seconds: (Date.now() - started) / 1000 };
}

const fake = await startChild("test/bench/serve-fake-slack.ts", {});
const fakeUrl = fake.info.url as string;
const bot = await startChild("test/bench/serve-bot.ts", {
  SLACK_BOT_TOKEN: "xoxb-attack",
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: `${fakeUrl}/api/`,
  CORPUS_DIR: process.env.CORPUS_DIR ?? "corpus",
});
const port = bot.info.port as number;
const pid = bot.child.pid as number;

// 1. Slowloris while Slack's commands arrive.
const attackers = slowloris(port, SLOW_CLIENTS);
await sleep(2_000);
const statuses: (number | string)[] = [];
const health: (number | string)[] = [];
for (let i = 0; i < COMMANDS; i++) {
  statuses.push(await signedCommand(port, fakeUrl, `slow-${i}`));
  if (i % 10 === 0)
    health.push(
      await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(3_000) }).then(
        (r) => r.status,
        (e: Error) => e.name,
      ),
    );
  await sleep(100);
}
attackers.stop();
await sleep(2_000);
const slowAnswered = await responseCount(fakeUrl, "slow-");
const accepted = statuses.filter((s) => s === 200).length;
console.log(
  `Slowloris: ${SLOW_CLIENTS} slow clients (reconnected ${attackers.reconnects()} times after being cut); ` +
    `${accepted} of ${COMMANDS} signed slash commands acked 200, ${slowAnswered} answered; ` +
    `/health ${health.filter((s) => s === 200).length} of ${health.length} answered 200 ` +
    `(others: ${JSON.stringify(statuses.filter((s) => s !== 200).slice(0, 5))})`,
);

// 2. 4 MB bodies, unsigned, then with well-formed headers and a forged signature.
const unsigned = await bigPosts(port, pid, () => "");
console.log(
  `${BIG_POSTS} unsigned 4 MB posts (${BIG_IN_FLIGHT} at a time) in ${unsigned.seconds} s: RSS ${unsigned.before} MiB before, peak ${unsigned.peak}, ${unsigned.after} after`,
);
const forged = await bigPosts(
  port,
  pid,
  () =>
    `x-slack-request-timestamp: ${Math.floor(Date.now() / 1000)}\r\nx-slack-signature: v0=${"0".repeat(64)}\r\n`,
);
console.log(
  `${BIG_POSTS} forged-signature 4 MB posts (${BIG_IN_FLIGHT} at a time) in ${forged.seconds} s: RSS ${forged.before} MiB before, peak ${forged.peak}, ${forged.after} after`,
);

// 3. A captured command replayed 5 times within the window.
const replayBody = slashCommandForm("Hmeimim", `${fakeUrl}/response/replayed`);
const replayHeaders = signedHeaders(SECRET, replayBody, FORM);
const replayStatuses: number[] = [];
for (let i = 0; i < 5; i++) {
  const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: "POST",
    headers: replayHeaders,
    body: replayBody,
  });
  replayStatuses.push(response.status);
}
await sleep(1_500);
console.log(
  `Replay: one signed command sent 5 times: statuses ${replayStatuses.join(",")}, answered ${await responseCount(fakeUrl, "replayed")} time(s)`,
);

await bot.stop();
await fake.stop();
process.exit(0);

// The heap the bot holds with everything loaded, measured in the bot's own process rather than in
// the bench's (which also holds its generated corpus): the compiled bot is started with the
// inspector on a loopback port; once ready and after it has answered a question, `timeline`,
// `sources`, `who` and `help` (so what is built on first use is built), each of its threads (the
// main thread that talks to Slack, the serving thread that holds the index) collects its garbage
// and reports its used heap through the inspector (`HeapProfiler.collectGarbage`, then
// `Runtime.getHeapUsage`). The process's resident memory is read beside it (/proc/<pid>/status).
import { readFile } from "node:fs/promises";
import WebSocket from "ws";
import { FORM, signedHeaders, slashCommandForm } from "../support/slack-payloads.js";

export interface BotHeap {
  /** Used heap after a collection, in MiB: the main thread. */
  mainMiB: number;
  /** The same for every worker thread (the serving thread), summed. */
  workersMiB: number;
  workers: number;
  /** The whole process's resident memory, in MiB (heaps, code, buffers, typed arrays). */
  rssMiB: number;
}

/** How long the inspector may take to answer one call: a collection of a large heap is seconds. */
const CALL_TIMEOUT_MS = 60_000;

interface Reply {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** One inspector connection, with calls to the main thread and to each worker's session. */
class InspectorClient {
  private next = 1;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  readonly workerSessions: string[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data) => this.dispatch(JSON.parse(String(data)) as Reply));
  }

  static async open(url: string): Promise<InspectorClient> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    return new InspectorClient(socket);
  }

  private dispatch(reply: Reply): void {
    if (reply.method === "NodeWorker.attachedToWorker")
      this.workerSessions.push(String(reply.params?.sessionId));
    if (reply.method === "NodeWorker.receivedMessageFromWorker")
      this.dispatch(JSON.parse(String(reply.params?.message)) as Reply);
    else if (reply.id !== undefined) this.waiting.get(reply.id)?.(reply);
  }

  /** Calls `method` on the main thread, or in a worker's session. */
  call(method: string, params: object = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.next++;
    const message = JSON.stringify({ id, method, params });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`bench: the inspector did not answer ${method}`));
      }, CALL_TIMEOUT_MS);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        if (reply.error) reject(new Error(`bench: ${method}: ${reply.error.message}`));
        else resolve(reply.result ?? {});
      });
      this.socket.send(
        sessionId === undefined
          ? message
          : JSON.stringify({
              id: this.next++,
              method: "NodeWorker.sendMessageToWorker",
              params: { sessionId, message },
            }),
      );
    });
  }

  close(): void {
    this.socket.close();
  }
}

async function usedHeapMiB(client: InspectorClient, session?: string): Promise<number> {
  await client.call("HeapProfiler.collectGarbage", {}, session);
  const usage = await client.call("Runtime.getHeapUsage", {}, session);
  return Number(usage.usedSize) / 2 ** 20;
}

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kib = /^VmRSS:\s+(\d+)/m.exec(status)?.[1];
  return kib === undefined ? Number.NaN : Number(kib) / 1024;
}

/** What the bot is asked before it is measured: one of each kind of request. */
const REQUESTS = ["who granted asylum", "timeline", "sources", "who putin", "help"];

/** Sends the requests as signed slash commands and waits until the fake Slack has every reply. */
async function askEach(botUrl: string, fakeUrl: string, secret: string): Promise<void> {
  const name = "bench-heap";
  for (const text of REQUESTS) {
    const body = slashCommandForm(text, `${fakeUrl}/response/${name}`);
    const ack = await fetch(`${botUrl}/slack/events`, {
      method: "POST",
      headers: signedHeaders(secret, body, FORM),
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (ack.status !== 200) throw new Error(`bench: the bot acked ${text} with ${ack.status}`);
  }
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const stats = (await (await fetch(`${fakeUrl}/_stats`)).json()) as {
      counts: Record<string, number>;
    };
    if ((stats.counts[name] ?? 0) >= REQUESTS.length) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("bench: the bot did not answer every request within 2 minutes");
}

/** The inspector's address, as the bot's Node printed it to stderr. */
export const INSPECTOR_LINE = /Debugger listening on (ws:\/\/\S+)/;

/**
 * Measures a ready bot started with `--inspect=127.0.0.1:0`: `inspectorUrl` from its stderr,
 * `botUrl` its HTTP address, `fakeUrl` the fake Slack its replies go to.
 */
export async function measureBotHeap(options: {
  pid: number;
  inspectorUrl: string;
  botUrl: string;
  fakeUrl: string;
  signingSecret: string;
}): Promise<BotHeap> {
  await askEach(options.botUrl, options.fakeUrl, options.signingSecret);
  const client = await InspectorClient.open(options.inspectorUrl);
  try {
    await client.call("NodeWorker.enable", { waitForDebuggerOnStart: false });
    // The attach events arrive right after enable's reply: give them a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const mainMiB = await usedHeapMiB(client);
    let workersMiB = 0;
    for (const session of client.workerSessions) workersMiB += await usedHeapMiB(client, session);
    return {
      mainMiB,
      workersMiB,
      workers: client.workerSessions.length,
      rssMiB: await rssMiB(options.pid),
    };
  } finally {
    client.close();
  }
}

import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { FakeSlack } from "./fake-slack.js";
import { freePort } from "./free-port.js";
import { RedisServer } from "./redis-server.js";
import { eventCallback, FORM, signedHeaders, slashCommandForm } from "./slack-payloads.js";

// Several replicas of the bot as an operator runs them: `src/main.ts` in its own process each, in
// HTTP mode, all against one fake Slack and one real redis-server on loopback. For the end-to-end
// tests of shared state: a retry or a double click that reaches another replica, Redis stopped
// and brought back while they run, a rolling restart.

export const REPLICA_TOKEN = "xoxb-replica-token-0123456789";
export const REPLICA_SECRET = "replica-signing-secret-0123456789";

export interface ReplicasOptions {
  /** How many replicas; two unless told. */
  count?: number;
  /** The corpus every replica reads; the small fixture corpus unless told. */
  corpusDir?: string;
  /** More environment for every replica (REDIS_OPTIONAL, LOG_LEVEL, INDEX_FILE…). */
  env?: Record<string, string>;
  /** How long a replica may take to say it is ready. */
  startTimeoutMs?: number;
}

/** Every bot process still running, killed when the test process exits, even after a failure. */
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** One bot process. `output` holds everything it printed, for assertions on its logs. */
export class BotReplica {
  output = "";
  private child: ChildProcess | null = null;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly startTimeoutMs: number,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null;
  }

  /** Starts the process (again, after `stop`) and waits until it says it is ready. */
  async start(): Promise<void> {
    if (this.running) return;
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    running.add(child);
    child.once("exit", () => running.delete(child));
    const record = (chunk: Buffer) => {
      this.output += chunk.toString();
    };
    child.stdout?.on("data", record);
    child.stderr?.on("data", record);
    const from = this.output.length;
    const deadline = Date.now() + this.startTimeoutMs;
    while (!/Ready in HTTP mode/.test(this.output.slice(from))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`${this.name} did not start:\n${this.output.slice(from)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Stops the process: SIGTERM (finishing work in flight) unless told otherwise; its exit code. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = once(child, "exit");
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    const [code] = await exited;
    clearTimeout(timer);
    return code as number | null;
  }

  /** Sends the process a signal without stopping it: SIGHUP asks it to reload the corpus. */
  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  /** POSTs a body to /slack/events, signed as Slack signs it. */
  async post(body: string, contentType: string, headers: Record<string, string> = {}) {
    return fetch(`${this.base}/slack/events`, {
      method: "POST",
      headers: { ...signedHeaders(REPLICA_SECRET, body, contentType), ...headers },
      body,
    });
  }

  /**
   * Delivers an Events API callback; `retryNum` marks it as Slack's retry of an earlier delivery
   * (`x-slack-retry-num`, `x-slack-retry-reason: http_timeout`).
   */
  async event(event: Record<string, unknown>, eventId: string, retryNum?: number) {
    const headers: Record<string, string> =
      retryNum === undefined
        ? {}
        : { "x-slack-retry-num": String(retryNum), "x-slack-retry-reason": "http_timeout" };
    return this.post(JSON.stringify(eventCallback(event, eventId)), "application/json", headers);
  }

  /** A `/…` slash command whose reply goes to the fake Slack's response URL `responseId`. */
  async command(text: string, responseUrl: string, fields: Record<string, string> = {}) {
    return this.post(slashCommandForm(text, responseUrl, fields), FORM);
  }

  /** A `block_actions` payload (a button click), posted as Slack posts it: `payload=<json>`. */
  async action(payload: Record<string, unknown>) {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM);
  }
}

/**
 * `count` replicas of the bot sharing one fake Slack and one redis-server, each on its own
 * loopback port. `stop()` stops them all, then Redis and the fake Slack.
 */
export class Replicas {
  private constructor(
    readonly fake: FakeSlack,
    readonly redis: RedisServer,
    readonly replicas: BotReplica[],
  ) {}

  static async start(options: ReplicasOptions = {}): Promise<Replicas> {
    const fake = await new FakeSlack().start();
    const redis = await RedisServer.start();
    const replicas: BotReplica[] = [];
    for (let i = 0; i < (options.count ?? 2); i++) {
      replicas.push(
        new BotReplica(
          `replica ${i + 1}`,
          await freePort(),
          {
            SLACK_BOT_TOKEN: REPLICA_TOKEN,
            SLACK_SIGNING_SECRET: REPLICA_SECRET,
            SLACK_APP_TOKEN: "",
            SLACK_API_URL: fake.apiUrl,
            CORPUS_DIR: options.corpusDir ?? "test/fixtures/corpus",
            INDEX_FILE: "/nonexistent/index.ndjson",
            LOG_LEVEL: "info",
            REDIS_URL: redis.url,
            ...options.env,
          },
          options.startTimeoutMs ?? 30_000,
        ),
      );
    }
    const started = new Replicas(fake, redis, replicas);
    try {
      // One after the other: two index builds at once on a small CI machine only slow both.
      for (const replica of replicas) await replica.start();
    } catch (error) {
      await started.stop();
      throw error;
    }
    return started;
  }

  /** The first replica (`replicas[0]`). */
  get a(): BotReplica {
    return this.replicas[0] as BotReplica;
  }

  /** The second replica (`replicas[1]`). */
  get b(): BotReplica {
    return this.replicas[1] as BotReplica;
  }

  async stop(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => replica.stop("SIGKILL")));
    await this.redis.stop();
    await this.fake.stop();
  }
}

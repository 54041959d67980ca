import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CORPUS_CHANGED_TOPIC,
  corpusChangedAt,
  listenForCorpusChanges,
} from "../../src/live/corpus-changes.js";
import { RedisLiveStore } from "../../src/state/redis-live-store.js";
import { type IngestSite, startIngestSite } from "../ingest/ingest-site.js";
import { RedisServer, skipWithoutRedis } from "../support/redis-server.js";
import { type CliRun, runCli } from "../support/run-cli.js";

// `corpus:fetch` and `corpus:add` tell the running replicas through the channel the live desk
// announces on: a real redis-server, a subscriber as a replica holds it, the CLI as a child process.

let s: IngestSite;
beforeEach(async () => {
  s = await startIngestSite();
});
afterEach(async () => {
  await s.close();
});

function run(script: string, args: string[], env: Record<string, string>): Promise<CliRun> {
  return runCli(script, args, {
    env: {
      CORPUS_DIR: s.corpusDir,
      FETCH_ALLOW_HOSTS: `127.0.0.1:${s.site.port}`,
      FETCH_MIN_INTERVAL_MS: "0",
      // Set, even empty, so a developer's .env (read by dotenv, which never overrides) stays out.
      REDIS_URL: "",
      ...env,
    },
  });
}

const SLOW = { timeout: 60_000 };

describe("corpus:fetch without REDIS_URL", SLOW, () => {
  it("adds the article and says how a running bot picks it up", async () => {
    const result = await run(
      "src/cli/fetch-articles.ts",
      [`${s.site.base}/news/strike-day-one`],
      {},
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^added .*000_/);
    expect(result.stdout).toContain("no REDIS_URL: a running bot reads the new articles on SIGHUP");
    expect(result.stdout).toContain("RELOAD=watch");
  });
});

describe.skipIf(skipWithoutRedis)("corpus:fetch and corpus:add with REDIS_URL", SLOW, () => {
  let server: RedisServer;
  let replica: RedisLiveStore;
  const heard: string[] = [];
  const prefix = "clitest:";

  beforeAll(async () => {
    server = await RedisServer.start();
    replica = new RedisLiveStore({ url: server.url, keyPrefix: prefix, commandTimeoutMs: 1_000 });
    await replica.connect();
    await listenForCorpusChanges(replica, (why) => heard.push(why));
  });
  afterAll(async () => {
    await replica?.close();
    await server?.stop();
  });
  beforeEach(() => {
    heard.length = 0;
  });

  const env = () => ({ REDIS_URL: server.url, REDIS_PREFIX: prefix });

  async function until(done: () => boolean): Promise<void> {
    for (let waited = 0; !done() && waited < 5_000; waited += 20) await sleep(20);
  }

  it("a replica hears the reload once corpus:fetch added an article from a local site", async () => {
    const before = Date.now();
    const result = await run(
      "src/cli/fetch-articles.ts",
      [`${s.site.base}/news/strike-day-one`],
      env(),
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("told the replicas to reload");
    await until(() => heard.length > 0);
    expect(heard).toEqual(["corpus:fetch added 1 articles"]);
    // App Home's "corpus changed at" moves as it does for the live desk's own announcements.
    expect(await corpusChangedAt(replica)).toBeGreaterThanOrEqual(before);
  });

  it("publishes nothing when every URL was refused", async () => {
    const result = await run("src/cli/fetch-articles.ts", ["http://127.0.0.1:9/admin"], env());
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "refused http://127.0.0.1:9/admin: 127.0.0.1 is a loopback address\n",
    );
    expect(result.stdout).not.toContain("replicas");
    // Anything the CLI published went out before it exited, so it would arrive before this probe on
    // the same channel: Redis delivers a connection's messages in order.
    await replica.publish(CORPUS_CHANGED_TOPIC, "probe");
    await until(() => heard.length > 0);
    expect(heard).toEqual(["probe"]);
  });

  it("corpus:add tells the replicas too", async () => {
    const result = await run(
      "src/cli/add-article.ts",
      ["test/fixtures/pages/jsonld-graph.html"],
      env(),
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("told the replicas to reload");
    await until(() => heard.length > 0);
    expect(heard).toEqual(["corpus:add added 1 articles"]);
  });

  it("says it could not tell them, and still keeps the article, when Redis does not answer", async () => {
    const result = await run("src/cli/fetch-articles.ts", [`${s.site.base}/news/strike-day-one`], {
      REDIS_URL: "redis://127.0.0.1:9",
      REDIS_TIMEOUT_MS: "300",
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^added .*000_/);
    expect(result.stderr).toMatch(
      /^could not tell the replicas to reload \(.*\): send the bot SIGHUP/,
    );
    expect(await s.corpusFiles()).toHaveLength(1);
  });
});

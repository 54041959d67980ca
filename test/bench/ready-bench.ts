import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Passage } from "../../src/passages/passage.js";
import { freePort } from "../support/free-port.js";
import { type BotHeap, INSPECTOR_LINE, measureBotHeap } from "./bot-heap.js";
import { startChild } from "./child-server.js";

// Time to a ready bot: the compiled bot (`dist/main.js`, what `npm start` runs) started in HTTP
// mode against a fake Slack, until `GET /health` answers 200. Once with no index file (it builds
// from the articles), once after the indexer (`npm run index`) wrote one.

/** Compiles src/ to dist/, as `npm start` does before it runs the bot. */
export function buildDist(): void {
  const tsc = spawnSync(
    process.execPath,
    ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"],
    {
      stdio: "inherit",
    },
  );
  if (tsc.status !== 0) throw new Error("bench: npm run build failed");
}

export interface ReadyBenchRow {
  passages: number;
  fromArticlesMs: number;
  fromPrebuiltMs: number;
  indexFileMiB: number;
  /** The ready bot's heap with everything loaded, in a start of its own (see bot-heap.ts). */
  heap: BotHeap;
}

const PASSAGES_PER_ARTICLE = 12;

/** Writes passages as article files, a paragraph each, with their source's metadata. */
export async function writeCorpus(passages: readonly Passage[], dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const field = (value: string | null) => (value === null ? "null" : JSON.stringify(value));
  for (let start = 0; start < passages.length; start += PASSAGES_PER_ARTICLE) {
    const group = passages.slice(start, start + PASSAGES_PER_ARTICLE);
    const first = group[0] as Passage;
    const front = [
      `title: ${field(first.title)}`,
      `outlet: ${field(first.outlet)}`,
      `url: ${field(first.url)}`,
      `published: ${first.published ?? "null"}`,
      "language: en",
    ].join("\n");
    const body = group.map((p) => p.text).join("\n\n");
    const name = `${String(start / PASSAGES_PER_ARTICLE).padStart(6, "0")}.md`;
    await writeFile(join(dir, name), `---\n${front}\n---\n\n${body}\n`);
  }
}

function run(
  script: string,
  env: Record<string, string>,
  execArgv: readonly string[] = [],
): ChildProcess {
  return spawn(process.execPath, [...execArgv, script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

interface ReadyBot {
  ms: number;
  log: string;
  passages: number;
  child: ChildProcess;
  url: string;
}

/**
 * Starts the bot and resolves with the ms until /health says ready, and what it logged. Stops it
 * after, unless `measure` is given: then that runs on the ready bot first.
 */
async function timeToReady<T = undefined>(
  env: Record<string, string>,
  measure?: { execArgv: string[]; run: (bot: ReadyBot) => Promise<T> },
): Promise<{ ms: number; log: string; passages: number; measured?: T }> {
  const port = await freePort();
  const started = performance.now();
  const child = run("dist/main.js", { ...env, PORT: String(port) }, measure?.execArgv);
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`bench: the bot exited:\n${log}`);
      const health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null);
      if (health?.status === 200) {
        const ms = performance.now() - started;
        const { passages } = (await health.json()) as { passages: number };
        if (!measure) return { ms, log, passages };
        const url = `http://127.0.0.1:${port}`;
        const measured = await measure.run({ ms, log, passages, child, url });
        return { ms, log, passages, measured };
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
}

/** Ready-bot times for a corpus folder, from its articles and from a prebuilt index; needs dist/. */
export async function benchReady(corpusDir: string): Promise<ReadyBenchRow> {
  const dir = await mkdtemp(join(tmpdir(), "bench-ready-"));
  const indexFile = join(dir, "index.ndjson");
  const fake = await startChild("test/bench/serve-fake-slack.ts", {});
  const env = {
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: "bench-signing-secret",
    SLACK_APP_TOKEN: "",
    SLACK_API_URL: `${fake.info.url as string}/api/`,
    CORPUS_DIR: corpusDir,
    INDEX_FILE: indexFile,
    LOG_LEVEL: "info",
  };
  try {
    const fromArticles = await timeToReady(env);
    const indexer = run("dist/cli/build-index.js", env);
    const [code] = (await once(indexer, "exit")) as [number];
    if (code !== 0) throw new Error("bench: npm run index failed");
    const fromPrebuilt = await timeToReady(env);
    if (!/loaded from/.test(fromPrebuilt.log))
      throw new Error(`bench: the bot did not load the prebuilt index:\n${fromPrebuilt.log}`);
    // A third start, with the inspector on, so the timed starts run without it.
    const measured = await timeToReady(env, {
      execArgv: ["--inspect=127.0.0.1:0"],
      run: (bot) => {
        const inspectorUrl = INSPECTOR_LINE.exec(bot.log)?.[1];
        if (inspectorUrl === undefined || bot.child.pid === undefined)
          throw new Error(`bench: the bot's inspector did not start:\n${bot.log}`);
        return measureBotHeap({
          pid: bot.child.pid,
          inspectorUrl,
          botUrl: bot.url,
          fakeUrl: fake.info.url as string,
          signingSecret: env.SLACK_SIGNING_SECRET,
        });
      },
    });
    if (measured.measured === undefined) throw new Error("bench: the bot's heap was not measured");
    return {
      passages: fromPrebuilt.passages,
      fromArticlesMs: fromArticles.ms,
      fromPrebuiltMs: fromPrebuilt.ms,
      indexFileMiB: (await stat(indexFile)).size / 2 ** 20,
      heap: measured.measured,
    };
  } finally {
    await fake.stop();
    await rm(dir, { recursive: true });
  }
}

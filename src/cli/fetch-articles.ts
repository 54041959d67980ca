// `npm run corpus:fetch -- URL…`: fetches each article and adds it to CORPUS_DIR through the same
// pipeline as feeds and `/syria add` (robots.txt, the address guard, the loader's checks,
// de-duplication). Prints added / duplicate of FILE / refused and why, per URL; when one was added,
// tells the running replicas to reload (with REDIS_URL), or says how a running bot picks it up.
// Exit codes: 0 every URL added; 1 one was refused or a duplicate; 64 usage; 78 a malformed setting.
import { loadFeedSettings, loadIndexSettings, loadReplicaSettings, readCliEnv } from "../config.js";
import { createPageFetcher } from "../ingest/fetch-page.js";
import { ingestUrl } from "../ingest/ingest-article.js";
import type { IngestLogger } from "../ingest/ingest-logger.js";
import { describeResult } from "../ingest/ingest-result.js";
import { tellReplicas } from "../live/tell-replicas.js";
import { readCliArgs, usageError } from "./cli-args.js";
import { runCli } from "./run-cli.js";

export const USAGE = `usage: npm run corpus:fetch -- [--verbose] URL…
  Fetches each article page and adds it to CORPUS_DIR (default corpus/), as a feed item would be.
  Settings (FETCH_CONTACT, FETCH_ALLOW_HOSTS, MAX_ARTICLE_BYTES, ...): docs/feeds.md`;

async function main(): Promise<number> {
  const parsed = readCliArgs(
    "corpus:fetch",
    USAGE,
    process.argv.slice(2),
    { verbose: { type: "boolean" } },
    { positionals: true },
  );
  if (!parsed.run) return parsed.exitCode;
  if (parsed.positionals.length === 0) {
    return usageError("corpus:fetch", USAGE, "no URL given").exitCode;
  }
  const env = readCliEnv();
  const settings = loadFeedSettings(env);
  const { corpusDir } = loadIndexSettings(env);
  const replicas = loadReplicaSettings(env);
  const say = (message: string) => console.error(message);
  const logger: IngestLogger = parsed.values.verbose
    ? { debug: say, info: say, warn: say }
    : { debug() {}, info() {}, warn() {} };
  const fetcher = createPageFetcher(settings, { logger });
  let notAdded = 0;
  let added = 0;
  try {
    for (const url of parsed.positionals) {
      const result = await ingestUrl(
        url,
        { kind: "link", addedBy: null },
        {
          corpusDir,
          fetcher,
          maxArticleBytes: settings.maxArticleBytes,
          logger,
        },
      );
      if (result.status === "added") added++;
      else notAdded++;
      (result.status === "added" ? console.log : console.error)(describeResult(result));
    }
  } finally {
    await fetcher.close();
  }
  if (added > 0) {
    const told = await tellReplicas(replicas, `corpus:fetch added ${added} articles`);
    (told.outcome === "failed" ? console.error : console.log)(told.line);
  }
  return notAdded > 0 ? 1 : 0;
}

await runCli("corpus:fetch", main);

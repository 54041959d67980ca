// `npm run corpus:fetch -- URL…`: fetches each article and adds it to CORPUS_DIR through the same
// pipeline as feeds and `/syria add` (robots.txt, the address guard, the loader's checks,
// de-duplication). Prints added / duplicate of FILE / refused and why, per URL; when one was added,
// tells the running replicas to reload (with REDIS_URL), or says how a running bot picks it up.
// Exit codes: 0 every URL added; 1 one was refused or a duplicate; 2 usage.
import { parseArgs } from "node:util";
import dotenv from "dotenv";
import { loadFeedSettings, loadIndexSettings, loadReplicaSettings } from "../config.js";
import { createPageFetcher } from "../ingest/fetch-page.js";
import { ingestUrl } from "../ingest/ingest-article.js";
import type { IngestLogger } from "../ingest/ingest-logger.js";
import { describeResult } from "../ingest/ingest-result.js";
import { tellReplicas } from "../live/tell-replicas.js";

export const USAGE = `usage: npm run corpus:fetch -- [--verbose] URL…
  Fetches each article page and adds it to CORPUS_DIR (default corpus/), as a feed item would be.
  Settings (FETCH_CONTACT, FETCH_ALLOW_HOSTS, MAX_ARTICLE_BYTES, ...): docs/feeds.md`;

async function main(args: string[]): Promise<number> {
  let parsed: { values: { verbose?: boolean; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      options: { verbose: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`corpus:fetch: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    console.error(`corpus:fetch: no URL given\n${USAGE}`);
    return 2;
  }
  dotenv.config({ quiet: true });
  const settings = loadFeedSettings(process.env);
  const { corpusDir } = loadIndexSettings(process.env);
  const replicas = loadReplicaSettings(process.env);
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

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}

// `npm run feeds -- --once | --check [--file FEEDS_FILE] [--verbose]`: the feeds of FEEDS_FILE
// (default feeds.yml) polled once, each item's fate printed (added / off-story / duplicate of FILE /
// refused and why), or the file only checked, each problem printed as FILE:LINE: message.
// Exit codes: 0 done; 1 the file has problems or is missing, or a feed could not be read; 64 usage;
// 78 a malformed setting.
import { loadFeedSettings, loadIndexSettings, readCliEnv } from "../config.js";
import { readFeedsFile } from "../ingest/feeds-file.js";
import { createPageFetcher } from "../ingest/fetch-page.js";
import type { IngestLogger } from "../ingest/ingest-logger.js";
import { describeResult } from "../ingest/ingest-result.js";
import { pollFeedsOnce } from "../ingest/poll-feeds.js";
import { readCliArgs, usageError } from "./cli-args.js";
import { runCli } from "./run-cli.js";

export const USAGE = `usage: npm run feeds -- --once | --check [--file FEEDS_FILE] [--verbose]
  --once     poll every feed once and print what became of each item
  --check    validate the feeds file without fetching; print each problem as FILE:LINE: message
  --file F   the feeds file (default: FEEDS_FILE, or feeds.yml)
  --verbose  also print what the fetcher logs (robots.txt, off-story counts, backoff)
Settings (FEEDS_FILE, MAX_FEED_BYTES, FETCH_CONTACT, FETCH_ALLOW_HOSTS, ...): docs/feeds.md`;

const OPTIONS = {
  once: { type: "boolean" },
  check: { type: "boolean" },
  file: { type: "string" },
  verbose: { type: "boolean" },
} as const;

async function check(file: string): Promise<number> {
  const { list, problems } = await readFeedsFile(file);
  if (list === null && problems.length === 0) {
    console.error(`${file}: no such file (without a feeds file nothing is polled)`);
    return 1;
  }
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) return 1;
  console.log(`${file}: ${list?.feeds.length ?? 0} feeds, no problems.`);
  return 0;
}

async function once(file: string, verbose: boolean): Promise<number> {
  const env = readCliEnv();
  const settings = loadFeedSettings(env);
  const { corpusDir } = loadIndexSettings(env);
  const say = (message: string) => console.error(message);
  const logger: IngestLogger = verbose
    ? { debug: say, info: say, warn: say }
    : { debug() {}, info() {}, warn() {} };
  const fetcher = createPageFetcher(settings, { logger });
  try {
    const outcome = await pollFeedsOnce(file, {
      corpusDir,
      fetcher,
      maxArticleBytes: settings.maxArticleBytes,
      feedPollSeconds: settings.feedPollSeconds,
      logger,
    });
    for (const problem of outcome.problems) console.error(problem);
    if (!outcome.fileFound) {
      console.error(`${file}: no such file (without a feeds file nothing is polled)`);
      return 1;
    }
    for (const { feedUrl, result } of outcome.items)
      console.log(`${feedUrl}: ${describeResult(result)}`);
    const failed = outcome.feeds.filter((f) => f.lastError !== null);
    console.log(
      `\n${outcome.feeds.length} feeds polled, ${outcome.addedFiles.length} articles added, ${failed.length} feeds failed.`,
    );
    if (outcome.addedFiles.length > 0) {
      console.log(
        "A running bot picks them up on SIGHUP, with RELOAD=watch, or by itself when it polls.",
      );
    }
    return outcome.problems.length > 0 || failed.length > 0 ? 1 : 0;
  } finally {
    await fetcher.close();
  }
}

async function main(): Promise<number> {
  const args = readCliArgs("feeds", USAGE, process.argv.slice(2), OPTIONS);
  if (!args.run) return args.exitCode;
  const { values } = args;
  if (values.once === values.check) {
    return usageError("feeds", USAGE, "give one of --once and --check").exitCode;
  }
  const file = values.file ?? loadFeedSettings(readCliEnv()).feedsFile;
  return values.check ? check(file) : once(file, values.verbose === true);
}

await runCli("feeds", main);

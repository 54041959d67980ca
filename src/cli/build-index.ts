// `npm run index`: builds the search index (and the news reading) from CORPUS_DIR and writes it to INDEX_FILE
// (default .cache/passage-index.ndjson). The bot and the CLI load it while it is newer than the
// corpus, and build from the corpus otherwise.
import { loadIndexSettings, readCliEnv } from "../config.js";
import { DESK_DERIVATION } from "../requests/desk-data.js";
import { writePrebuiltIndex } from "../search/index-store.js";
import { readCliArgs } from "./cli-args.js";
import { runCli } from "./run-cli.js";

const USAGE = `usage: npm run index
  Builds the search index from CORPUS_DIR (default corpus/) into INDEX_FILE
  (default .cache/passage-index.ndjson). Settings: docs/operations.md`;

async function main(): Promise<number> {
  const args = readCliArgs("index", USAGE, process.argv.slice(2), {});
  if (!args.run) return args.exitCode;
  const settings = loadIndexSettings(readCliEnv());
  const started = performance.now();
  // With the news reading and suggested questions, so a start from the file builds neither.
  const { passages, bytes } = await writePrebuiltIndex(settings, { derive: DESK_DERIVATION });
  const ms = Math.round(performance.now() - started);
  console.log(
    `${settings.indexFile}: ${passages} passages, ${(bytes / 1024).toFixed(0)} KiB, in ${ms} ms`,
  );
  return 0;
}

await runCli("Index", main);

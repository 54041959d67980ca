// `npm run index`: builds the search index (and the news reading) from CORPUS_DIR and writes it to INDEX_FILE
// (default .cache/passage-index.ndjson). The bot and the CLI load it while it is newer than the
// corpus, and build from the corpus otherwise.
import { ConfigError, loadIndexSettings } from "../config.js";
import { CorpusError } from "../corpus/corpus-error.js";
import { DESK_DERIVATION } from "../requests/desk-data.js";
import { writePrebuiltIndex } from "../search/index-store.js";

async function main(): Promise<void> {
  const settings = loadIndexSettings(process.env);
  const started = performance.now();
  // With the news reading and suggested questions, so a start from the file builds neither.
  const { passages, bytes } = await writePrebuiltIndex(settings, { derive: DESK_DERIVATION });
  const ms = Math.round(performance.now() - started);
  console.log(
    `${settings.indexFile}: ${passages} passages, ${(bytes / 1024).toFixed(0)} KiB, in ${ms} ms`,
  );
}

try {
  await main();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const named = error instanceof CorpusError || error instanceof ConfigError;
  console.error(named ? message : `Index: ${message}`);
  process.exitCode = 1;
}

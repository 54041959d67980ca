// `npm run index`: builds the search index from CORPUS_DIR and writes it to INDEX_FILE
// (default .cache/passage-index.ndjson). The bot and the CLI load it while it is newer than the
// corpus, and build from the corpus otherwise.
import { CorpusError } from "../corpus/corpus-error.js";
import {
  buildIndexFromCorpus,
  corpusFingerprint,
  DEFAULT_INDEX_FILE,
  writeIndexFile,
} from "../search/prebuilt-index.js";

async function main(): Promise<void> {
  const corpusDir = process.env.CORPUS_DIR ?? "corpus";
  const file = process.env.INDEX_FILE ?? DEFAULT_INDEX_FILE;
  const started = performance.now();
  const index = await buildIndexFromCorpus(corpusDir);
  const bytes = await writeIndexFile(index, (await corpusFingerprint(corpusDir)).hash, file);
  const ms = Math.round(performance.now() - started);
  console.log(
    `${file}: ${index.passages.length} passages, ${(bytes / 1024).toFixed(0)} KiB, in ${ms} ms`,
  );
}

try {
  await main();
} catch (error) {
  console.error(error instanceof CorpusError ? error.message : error);
  process.exitCode = 1;
}

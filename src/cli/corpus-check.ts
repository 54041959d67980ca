// `npm run corpus:check`: reads every article in CORPUS_DIR (default corpus/) and reports every
// problem in every file at once. Exits 1 if there is any, or if any `.md` entry is skipped (a link,
// an oversized file, a FIFO): the bot serves the rest, but each of those is an article it leaves out.
import { loadIndexSettings, readCliEnv } from "../config.js";
import { formatProblem } from "../corpus/corpus-error.js";
import { readCorpus } from "../corpus/load-corpus.js";
import { splitIntoPassages } from "../passages/split-passages.js";
import { readCliArgs } from "./cli-args.js";
import { runCli } from "./run-cli.js";

const USAGE = `usage: npm run corpus:check
  Reads every article in CORPUS_DIR (default corpus/) and lists every problem at once.
  Exits 1 when a file has a problem or is skipped.`;

async function main(): Promise<number> {
  const args = readCliArgs("corpus:check", USAGE, process.argv.slice(2), {});
  if (!args.run) return args.exitCode;
  const { corpusDir, maxArticleBytes } = loadIndexSettings(readCliEnv());
  const { articles, problems, files, skipped } = await readCorpus(corpusDir, {
    maxArticleBytes,
    warn: () => {}, // listed below with the rest
  });
  for (const { file, reason } of skipped) console.warn(`skip ${file}: ${reason}`);
  for (const article of articles) {
    const passages = splitIntoPassages(article).length;
    console.log(
      `ok   ${article.file}: ${passages} passages (${article.outlet ?? "outlet unknown"})`,
    );
  }
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s) in ${files.length} file(s):`);
    for (const problem of problems) console.error(formatProblem(problem));
    return 1;
  }
  if (skipped.length > 0) {
    console.error(`\n${skipped.length} file(s) skipped: the bot leaves them out.`);
    return 1;
  }
  console.log(`\n${articles.length} articles, no problems.`);
  return 0;
}

await runCli("corpus:check", main);

// `npm run corpus:add -- [--title T] [--outlet O] [--url U] [--published YYYY-MM-DD] FILE…`: adds
// saved web pages (.html), text and Markdown files to the corpus folder the bot reads (CORPUS_DIR,
// default corpus/). With REDIS_URL every running replica is told to reload; without it a running
// bot picks them up on SIGHUP or through its watch on the folder (RELOAD=watch).
// Exit codes: 0 every file added; 1 a file was refused (duplicate, no text, fails the check, over a
// limit of src/corpus/article-limits.ts: MAX_ARTICLE_BYTES, nesting, time); 64 wrong usage;
// 78 a malformed setting.

import { loadIndexSettings, loadReplicaSettings, readCliEnv } from "../config.js";
import { AddArticleError, addArticle, type MetaOverrides } from "../corpus/add-article.js";
import { parseIsoDate } from "../corpus/dates.js";
import { tellReplicas } from "../live/tell-replicas.js";
import { readCliArgs, usageError } from "./cli-args.js";
import { runCli } from "./run-cli.js";

export const USAGE =
  "usage: npm run corpus:add -- [--title T] [--outlet O] [--url U] [--published YYYY-MM-DD] FILE…";

const OPTIONS = {
  title: { type: "string" },
  outlet: { type: "string" },
  url: { type: "string" },
  published: { type: "string" },
} as const;

/** The files and the front matter given for them, or the exit code of a wrong use. */
function parseAddArgs(args: string[]): { files: string[]; overrides: MetaOverrides } | number {
  const parsed = readCliArgs("corpus:add", USAGE, args, OPTIONS, { positionals: true });
  if (!parsed.run) return parsed.exitCode;
  const { title, outlet, url, published } = parsed.values;
  const overrides: MetaOverrides = {};
  if (title !== undefined) overrides.title = title;
  if (outlet !== undefined) overrides.outlet = outlet;
  if (url !== undefined) overrides.url = url;
  if (published !== undefined) overrides.published = published;
  const files = parsed.positionals;
  let problem: string | null = null;
  if (published !== undefined && parseIsoDate(published) === null) {
    problem = `--published must be a date YYYY-MM-DD, got "${published}"`;
  } else if (files.length === 0) {
    problem = "no file given";
  } else if (files.length > 1 && Object.keys(overrides).length > 0) {
    problem = "--title, --outlet, --url and --published apply to one file at a time";
  }
  return problem === null
    ? { files, overrides }
    : usageError("corpus:add", USAGE, problem).exitCode;
}

async function main(): Promise<number> {
  const parsed = parseAddArgs(process.argv.slice(2));
  if (typeof parsed === "number") return parsed;
  const env = readCliEnv();
  const settings = loadIndexSettings(env);
  const replicas = loadReplicaSettings(env);
  const { corpusDir, maxArticleBytes } = settings;
  let failed = 0;
  let addedCount = 0;
  for (const file of parsed.files) {
    try {
      const added = await addArticle(file, {
        corpusDir,
        maxArticleBytes,
        overrides: parsed.overrides,
      });
      addedCount++;
      const { title, outlet, url, published } = added.meta;
      console.log(`added ${added.file}: ${added.paragraphs} paragraphs`);
      console.log(`  title: ${title ?? "unknown"}`);
      console.log(`  outlet: ${outlet ?? "unknown"}, published: ${published ?? "unknown"}`);
      console.log(`  url: ${url ?? "unknown"}`);
    } catch (error) {
      failed++;
      if (error instanceof AddArticleError) console.error(error.message);
      else console.error(`AddArticle: ${file}: ${error instanceof Error ? error.message : error}`);
    }
  }
  if (addedCount > 0) {
    const told = await tellReplicas(replicas, `corpus:add added ${addedCount} articles`);
    (told.outcome === "failed" ? console.error : console.log)(told.line);
  }
  return failed > 0 ? 1 : 0;
}

await runCli("corpus:add", main);

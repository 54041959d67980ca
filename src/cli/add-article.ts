// `npm run corpus:add -- [--title T] [--outlet O] [--url U] [--published YYYY-MM-DD] FILE…`: adds
// saved web pages (.html), text and Markdown files to the corpus folder the bot reads (CORPUS_DIR,
// default corpus/). With REDIS_URL every running replica is told to reload; without it a running
// bot picks them up on SIGHUP or through its watch on the folder (RELOAD=watch).
// Exit codes: 0 every file added; 1 a file was refused (duplicate, no text, fails the check, over a
// limit of src/corpus/article-limits.ts: MAX_ARTICLE_BYTES, nesting, time); 2 wrong usage or setting.

import dotenv from "dotenv";
import { loadIndexSettings, loadReplicaSettings, type ReplicaSettings } from "../config.js";
import { AddArticleError, addArticle, type MetaOverrides } from "../corpus/add-article.js";
import { parseIsoDate } from "../corpus/dates.js";
import { tellReplicas } from "../live/tell-replicas.js";

export const USAGE =
  "usage: npm run corpus:add -- [--title T] [--outlet O] [--url U] [--published YYYY-MM-DD] FILE…";

const FLAGS = {
  "--title": "title",
  "--outlet": "outlet",
  "--url": "url",
  "--published": "published",
} as const;

function parseArgs(args: string[]): { files: string[]; overrides: MetaOverrides } | string {
  const files: string[] = [];
  const overrides: MetaOverrides = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg in FLAGS) {
      const value = args[++i];
      if (value === undefined) return `${arg} needs a value`;
      const field = FLAGS[arg as keyof typeof FLAGS];
      if (field === "published" && parseIsoDate(value) === null) {
        return `--published must be a date YYYY-MM-DD, got "${value}"`;
      }
      overrides[field] = value;
    } else if (arg.startsWith("--")) {
      return `unknown option ${arg}`;
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) return "no file given";
  if (files.length > 1 && Object.keys(overrides).length > 0) {
    return "--title, --outlet, --url and --published apply to one file at a time";
  }
  return { files, overrides };
}

async function main(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    console.error(`corpus:add: ${parsed}\n${USAGE}`);
    return 2;
  }
  dotenv.config({ quiet: true });
  let settings: ReturnType<typeof loadIndexSettings>;
  let replicas: ReplicaSettings;
  try {
    settings = loadIndexSettings(process.env);
    replicas = loadReplicaSettings(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  }
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

process.exitCode = await main(process.argv.slice(2));

// Imports scraped articles into the corpus: `npm run corpus:import -- <seed files or folder>`.
// Each seed becomes corpus/<its name>.md. Review the front matter afterwards: what the article did
// not state is null, and stays null unless the article itself says it.
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { loadIndexSettings, readCliEnv } from "../config.js";
import { formatCorpusFile, importSeed } from "../corpus/import-seed.js";
import { readCliArgs, usageError } from "./cli-args.js";
import { runCli } from "./run-cli.js";

const USAGE = `usage: npm run corpus:import -- <seed file or folder>...
  Writes each seed (.txt or .md) as CORPUS_DIR/<its name>.md (default corpus/).`;

async function seedFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith(".txt") || n.endsWith(".md"));
      files.push(...names.sort().map((n) => join(path, n)));
    } else {
      files.push(path);
    }
  }
  return files;
}

async function main(): Promise<number> {
  const args = readCliArgs(
    "corpus:import",
    USAGE,
    process.argv.slice(2),
    {},
    { positionals: true },
  );
  if (!args.run) return args.exitCode;
  if (args.positionals.length === 0) {
    return usageError("corpus:import", USAGE, "no seed file given").exitCode;
  }
  const { corpusDir } = loadIndexSettings(readCliEnv());
  for (const file of await seedFiles(args.positionals)) {
    const imported = importSeed(await readFile(file, "utf8"));
    const target = join(corpusDir, `${basename(file).replace(/\.[^.]+$/, "")}.md`);
    await writeFile(target, formatCorpusFile(imported));
    const { title, outlet, url, published } = imported.meta;
    console.log(`${target}: title=${title ? "yes" : "unknown"} outlet=${outlet ?? "unknown"}`);
    console.log(`  url=${url ?? "unknown"} published=${published ?? "unknown"}`);
  }
  return 0;
}

await runCli("corpus:import", main);

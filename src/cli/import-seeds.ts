// Imports scraped articles into the corpus: `npm run corpus:import -- <seed files or folder>`.
// Each seed becomes corpus/<its name>.md. Review the front matter afterwards: what the article did
// not state is null, and stays null unless the article itself says it.
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { formatCorpusFile, importSeed } from "../corpus/import-seed.js";

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

async function main(args: string[]): Promise<number> {
  const corpusDir = process.env.CORPUS_DIR ?? "corpus";
  if (args.length === 0) {
    console.error("usage: npm run corpus:import -- <seed file or folder>...");
    return 2;
  }
  for (const file of await seedFiles(args)) {
    const imported = importSeed(await readFile(file, "utf8"));
    const target = join(corpusDir, `${basename(file).replace(/\.[^.]+$/, "")}.md`);
    await writeFile(target, formatCorpusFile(imported));
    const { title, outlet, url, published } = imported.meta;
    console.log(`${target}: title=${title ? "yes" : "unknown"} outlet=${outlet ?? "unknown"}`);
    console.log(`  url=${url ?? "unknown"} published=${published ?? "unknown"}`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));

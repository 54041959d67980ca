// `npm run ask` and `npm run index`: run a CLI from the compiled output, since transpiling
// TypeScript at every run cost over a second of a two-second answer (and of a build whose target is
// 30 s at 100k passages). The output is rebuilt first when any source or tsconfig is newer than it,
// so a fresh clone (after `npm ci`) and an edited checkout both just work.
//   node scripts/run-compiled.mjs ask|build-index [the CLI's own arguments]
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLIS = new Set(["ask", "build-index"]);
const name = process.argv[2] ?? "";
if (!CLIS.has(name)) {
  console.error(`run-compiled: which CLI? one of ${[...CLIS].join(", ")}`);
  process.exit(64);
}
// The CLI reads its own arguments from process.argv.slice(2), as when it is started itself.
process.argv.splice(2, 1);
const compiled = join(root, "dist", "cli", `${name}.js`);

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtTime() {
  try {
    return statSync(compiled).mtimeMs;
  } catch {
    return 0;
  }
}

const sourcesTime = Math.max(
  newestIn(join(root, "src")),
  statSync(join(root, "tsconfig.json")).mtimeMs,
  statSync(join(root, "tsconfig.build.json")).mtimeMs,
);

if (builtTime() < sourcesTime) {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const build = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (builtTime() < sourcesTime) {
    console.error(
      `${name}: the build failed (see above): fix it, or run \`npx tsx src/cli/${name}.ts\``,
    );
    process.exit(1);
  }
  // tsc still writes its output when the types are wrong: the CLI runs, and the errors show above.
  if (build.status !== 0) console.error(`${name}: running despite the type errors above`);
}

await import(pathToFileURL(compiled).href);

import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusFile, GOOD_FIELDS } from "../fixtures/articles.js";
import { runCli } from "../support/run-cli.js";

// Every command a person runs from the README, as `npm run` starts it.
const CLIS = {
  ask: "src/cli/ask.ts",
  index: "src/cli/build-index.ts",
  "corpus:check": "src/cli/corpus-check.ts",
  feedback: "src/cli/feedback.ts",
  feeds: "src/cli/feeds.ts",
  "corpus:fetch": "src/cli/fetch-articles.ts",
  "corpus:add": "src/cli/add-article.ts",
  "corpus:import": "src/cli/import-seeds.ts",
  eval: "test/eval/run-eval.ts",
} as const;

// Nine Node starts under tsx at once: seconds apiece on a busy machine.
const SLOW = { timeout: 120_000 };

describe("every CLI", SLOW, () => {
  it("prints its usage for --help and exits 0", async () => {
    const runs = await Promise.all(
      Object.entries(CLIS).map(async ([name, script]) => ({
        name,
        run: await runCli(script, ["--help"]),
      })),
    );
    for (const { name, run } of runs) {
      expect({ name, status: run.status, stderr: run.stderr }).toEqual({
        name,
        status: 0,
        stderr: "",
      });
      expect(run.stdout, name).toMatch(/^usage: npm run /);
      expect(run.stdout, name).toContain(name === "index" ? "npm run index" : `npm run ${name}`);
    }
  });

  it("names an unknown option in a sentence and exits 64", async () => {
    const runs = await Promise.all(
      Object.entries(CLIS).map(async ([name, script]) => ({
        name,
        run: await runCli(script, ["--frobnicate"]),
      })),
    );
    for (const { name, run } of runs) {
      expect({ name, status: run.status }).toEqual({ name, status: 64 });
      expect(run.stderr, name).toMatch(/^[\w:]+: Unknown option '--frobnicate'\./);
      expect(run.stdout, name).toBe("");
    }
  });
});

describe("settings from .env", SLOW, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cli-dotenv-"));
    await mkdir(join(dir, "articles"));
    await writeFile(join(dir, "articles", "a.md"), corpusFile(GOOD_FIELDS, "A council met."));
    await writeFile(join(dir, ".env"), "CORPUS_DIR=articles\nINDEX_FILE=built/index.ndjson\n");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads CORPUS_DIR and INDEX_FILE from the .env of the folder a CLI runs in", async () => {
    const unset = { CORPUS_DIR: undefined, INDEX_FILE: undefined };
    const [check, index] = await Promise.all([
      runCli(CLIS["corpus:check"], [], { cwd: dir, env: unset }),
      runCli(CLIS.index, [], { cwd: dir, env: unset }),
    ]);
    expect(check.stdout).toContain(`ok   ${join("articles", "a.md")}`);
    expect(check.status).toBe(0);
    expect(index.stdout).toMatch(/^built\/index\.ndjson: 1 passages/);
    expect(index.status).toBe(0);
  });

  it("lets a variable set in the environment win over .env, as the bot does", async () => {
    const elsewhere = join(dir, "elsewhere");
    await mkdir(elsewhere, { recursive: true });
    await writeFile(join(elsewhere, "b.md"), corpusFile(GOOD_FIELDS, "A mayor spoke."));
    const check = await runCli(CLIS["corpus:check"], [], {
      cwd: dir,
      env: { CORPUS_DIR: elsewhere },
    });
    expect(check.stdout).toContain(`ok   ${join(elsewhere, "b.md")}`);
    expect(check.stdout).not.toContain("a.md");
    expect(check.status).toBe(0);
  });
});

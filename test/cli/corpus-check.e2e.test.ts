import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { corpusFile, GOOD_FIELDS } from "../fixtures/articles.js";
import { type CliRun, runCli } from "../support/run-cli.js";

let corpusDir: string;

beforeEach(async () => {
  corpusDir = await mkdtemp(join(tmpdir(), "corpus-check-cli-"));
});
afterEach(async () => {
  await rm(corpusDir, { recursive: true, force: true });
});

function corpusCheck(): Promise<CliRun> {
  return runCli("src/cli/corpus-check.ts", [], { env: { CORPUS_DIR: corpusDir } });
}

const good = corpusFile(GOOD_FIELDS, "Putin granted asylum. It was his decision.");

describe("npm run corpus:check", () => {
  it("lists a broken file and a link out, ignores a lock file, and exits 1", async () => {
    await writeFile(join(corpusDir, "a.md"), good);
    await writeFile(join(corpusDir, "b.md"), "no front matter");
    await symlink("/etc/passwd", join(corpusDir, "c.md"));
    await symlink("user@host.1:1", join(corpusDir, ".#a.md"));
    const { status, stdout, stderr } = await corpusCheck();
    expect(status).toBe(1);
    expect(stdout).toContain(`ok   ${join(corpusDir, "a.md")}`);
    expect(stderr).toContain(`${join(corpusDir, "b.md")}: no front matter`);
    expect(stderr).toContain(`skip ${join(corpusDir, "c.md")}: a symbolic link, not followed`);
    expect(stdout + stderr).not.toContain(".#a.md");
    expect(stdout + stderr).not.toContain("root:");
  }, 30_000);

  it("exits 1 on a skipped file alone, 0 on a clean corpus", async () => {
    await writeFile(join(corpusDir, "a.md"), good);
    expect((await corpusCheck()).status).toBe(0);
    await symlink("/etc/passwd", join(corpusDir, "c.md"));
    const { status, stderr } = await corpusCheck();
    expect(status).toBe(1);
    expect(stderr).toContain("1 file(s) skipped");
  }, 30_000);
});

import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// `npm run ask` and `npm run index` go through this launcher; the CLIs themselves are tested from
// their sources (test/cli/every-cli.e2e.test.ts).
describe("scripts/run-compiled.mjs", () => {
  it("names the CLIs it runs when asked for another, and exits 64 before building anything", () => {
    for (const args of [[], ["main"], ["../main"]]) {
      const run = spawnSync(process.execPath, ["scripts/run-compiled.mjs", ...args], {
        encoding: "utf8",
      });
      expect(run.status).toBe(64);
      expect(run.stderr).toBe("run-compiled: which CLI? one of ask, build-index\n");
    }
  });
});

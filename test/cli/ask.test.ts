import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function ask(args: string[], input?: string) {
  const result = spawnSync("node", ["--import", "tsx", "src/cli/ask.ts", ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, CORPUS_DIR: "test/fixtures/corpus", NO_COLOR: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("ask CLI", () => {
  it("prints one JSON object with the contract's fields", () => {
    const { status, stdout } = ask(["--json", "who granted asylum"]);
    expect(status).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] as string);
    expect(answer.query).toBe("who granted asylum");
    expect(answer.results.length).toBeGreaterThan(0);
    for (const result of answer.results) {
      expect(Object.keys(result)).toEqual(
        expect.arrayContaining(["text", "title", "outlet", "url", "published", "score"]),
      );
      expect(typeof result.text).toBe("string");
      expect(typeof result.score).toBe("number");
    }
    const unknown = answer.results.find((r: { outlet: unknown }) => r.outlet === null);
    expect(unknown).toMatchObject({ url: null, published: null, title: null });
  });

  it("gives empty results when nothing matches", () => {
    const { stdout } = ask(["--json", "banana bread recipe"]);
    expect(JSON.parse(stdout)).toMatchObject({
      query: "banana bread recipe",
      confidence: "none",
      results: [],
    });
  });

  it("answers stdin's questions one JSON line each, in order", () => {
    const { status, stdout } = ask(
      ["--json"],
      "humanitarian grounds\nbanana bread\nHmeimim airbase\n",
    );
    expect(status).toBe(0);
    const answers = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(answers.map((a) => a.query)).toEqual([
      "humanitarian grounds",
      "banana bread",
      "Hmeimim airbase",
    ]);
    expect(answers[1].results).toEqual([]);
    expect(answers[2].results[0].text).toMatch(/Hmeimim/);
  });

  it("prints readable quotes with emphasis and their source", () => {
    const { status, stdout } = ask(["humanitarian grounds"]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^1\. .*\*\*humanitarian grounds\*\*/);
    expect(stdout).toContain("— Unknown outlet · Untitled article · date not given");
  });

  it("shows usage without a question, and names a bad corpus", () => {
    expect(ask([]).status).toBe(2);
    const bad = spawnSync("node", ["--import", "tsx", "src/cli/ask.ts", "x"], {
      encoding: "utf8",
      env: { ...process.env, CORPUS_DIR: "/nonexistent" },
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Corpus: 1 problem:\n {2}\/nonexistent: cannot read/);
  });
});

import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked field by field below
type Json = any;

// Each spawn costs a Node start and an index build: the JSON contract is checked in one batch run.
function ask(args: string[], input?: string, corpus = "test/fixtures/corpus") {
  const result = spawnSync("node", ["--import", "tsx", "src/cli/ask.ts", ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, CORPUS_DIR: corpus, NO_COLOR: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const BATCH = [
  "who granted asylum",
  "banana bread recipe",
  "humanitarian grounds",
  "Hmeimim airbase",
  "timeline",
  "sources",
  "who ulyanov",
  "help",
];

describe("ask CLI", () => {
  let batch: { status: number | null; answers: Json[] };

  beforeAll(() => {
    const { status, stdout } = ask(["--json"], `${BATCH.join("\n")}\n`);
    const answers = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    batch = { status, answers };
  });

  it("answers stdin's requests one JSON line each, in order", () => {
    expect(batch.status).toBe(0);
    expect(batch.answers).toHaveLength(BATCH.length);
    expect(batch.answers.slice(0, 4).map((a) => a.query)).toEqual(BATCH.slice(0, 4));
    expect(batch.answers.slice(4).map((a) => a.kind)).toEqual([
      "timeline",
      "sources",
      "who",
      "help",
    ]);
  });

  it("gives each question result the contract's fields, news fields included", () => {
    const answer = batch.answers[0];
    expect(answer.results.length).toBeGreaterThan(0);
    for (const result of answer.results) {
      expect(Object.keys(result)).toEqual(
        expect.arrayContaining(["text", "title", "outlet", "url", "published", "score"]),
      );
      expect(Object.keys(result)).toEqual(expect.arrayContaining(["speaker", "via", "reportedBy"]));
      expect(typeof result.text).toBe("string");
      expect(typeof result.score).toBe("number");
    }
    const unknown = answer.results.find((r: Json) => r.outlet === null);
    expect(unknown).toMatchObject({ url: null, published: null, title: null });
  });

  it("gives empty results when nothing matches", () => {
    expect(batch.answers[1]).toMatchObject({
      query: "banana bread recipe",
      confidence: "none",
      results: [],
    });
    expect(batch.answers[3].results[0]?.text).toMatch(/Hmeimim/);
  });

  it("prints the news views' shapes", () => {
    const [timeline, sources, who] = batch.answers.slice(4) as Json[];
    expect(timeline.events[0]?.date).toBe("2024-12-09");
    expect(sources.sources).toHaveLength(2);
    expect(who).toMatchObject({
      kind: "who",
      name: "Mikhail Ulyanov",
      role: "Russia's envoy in Vienna",
    });
  });

  it("prints a request given as arguments, routed like Slack's", () => {
    const { status, stdout } = ask(["--json", "timeline", "asylum"]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      kind: "timeline",
      events: [{ date: "2024-12-09" }],
    });
  });

  it("prints readable quotes with emphasis and their source", () => {
    const { status, stdout } = ask(["humanitarian grounds"]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^1\. .*\*\*humanitarian grounds\*\*/);
    expect(stdout).toContain("— unattributed · A Kremlin source said Russia granted them asylum");
    expect(stdout).not.toContain("Unknown outlet");
  });

  it("shows usage without a question, and names a bad corpus", () => {
    expect(ask([]).status).toBe(64);
    const bad = ask(["x"], undefined, "/nonexistent");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Corpus: 1 problem:\n {2}\/nonexistent: cannot read/);
  });
});

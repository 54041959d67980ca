import { spawnSync } from "node:child_process";
import { appendFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { missingFileMessage, parseFeedbackArgs } from "../../src/cli/feedback.js";
import { FeedbackLog } from "../../src/feedback/feedback-log.js";

let dir: string;
let file: string;

function feedback(args: string[], votesFile = file) {
  const result = spawnSync("node", ["--import", "tsx", "src/cli/feedback.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, FEEDBACK_FILE: votesFile },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "feedback-cli-"));
  file = join(dir, "data", "feedback.jsonl");
  const log = new FeedbackLog({ file, secret: "k" });
  const base = { channel: "C1", messageTs: "1.2", passages: ["https://example.org/a"] };
  await log.record({
    ...base,
    answerId: "a1",
    question: "Who won the race?",
    vote: "up",
    userId: "U1",
  });
  await log.record({
    ...base,
    answerId: "a1",
    question: "Who won the race?",
    vote: "down",
    userId: "U1",
  });
  await log.record({
    ...base,
    answerId: "a1",
    question: "Who won the race?",
    vote: "down",
    userId: "U2",
  });
  await log.record({
    ...base,
    answerId: "a2",
    question: "Where was it held?",
    vote: "up",
    userId: "U1",
  });
  await appendFile(file, "{not json\n");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("feedback CLI", () => {
  it("prints the table of de-duplicated votes and reports the corrupt line", () => {
    const { status, stdout, stderr } = feedback([]);
    expect(status).toBe(0);
    expect(stdout).toContain("Answers  Up    Down\n      2     1     2");
    expect(stdout).toContain("   2     0  Who won the race?");
    expect(stderr).toContain(`${file}:5: skipped, not JSON`);
  });

  it("--json prints one vote a line, a person's repeat vote counted once", () => {
    const { status, stdout } = feedback(["--json"]);
    expect(status).toBe(0);
    const votes = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(votes.map((v) => [v.answerId, v.vote])).toEqual([
      ["a1", "down"],
      ["a1", "down"],
      ["a2", "up"],
    ]);
    expect(new Set(votes.filter((v) => v.answerId === "a1").map((v) => v.voter)).size).toBe(2);
    expect(stdout).not.toContain("U1");
  });

  it("--export-eval writes the down-voted questions in the eval's question format", async () => {
    const out = join(dir, "eval.json");
    const { status, stdout } = feedback(["--export-eval", out]);
    expect(status).toBe(0);
    expect(stdout).toContain(`wrote 1 down-voted question to ${out}`);
    expect(JSON.parse(await readFile(out, "utf8"))).toEqual([{ q: "Who won the race?", ev: "" }]);
  });

  it("says in one line that there are no votes when the file is missing", () => {
    const missing = join(dir, "nowhere.jsonl");
    const { status, stdout, stderr } = feedback([], missing);
    expect(status).toBe(0);
    expect(stdout).toBe("");
    expect(stderr.trim()).toBe(missingFileMessage(missing));
  });

  it("rejects unknown arguments and a flag without its file", () => {
    expect(parseFeedbackArgs(["--bogus"], {})).toMatch(/^unknown argument --bogus/);
    expect(parseFeedbackArgs(["--export-eval"], {})).toBe("--export-eval takes a file name");
    expect(parseFeedbackArgs([], {})).toEqual({
      json: false,
      exportEval: null,
      file: "data/feedback.jsonl",
    });
  });
});

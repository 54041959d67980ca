import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FeedbackLog, LOGGED_QUESTION_MAX } from "../../src/feedback/feedback-log.js";
import { hashChannel, hashVoter } from "../../src/feedback/hash-voter.js";
import { readVotes } from "../../src/feedback/read-votes.js";
import { click, logAt, useTempDir } from "./vote-fixtures.js";

const tempDir = useTempDir();

describe("FeedbackLog", () => {
  it("creates the directory on the first vote and writes one JSON line with every field", async () => {
    const file = join(tempDir(), "nested", "deeper", "votes.jsonl");
    const record = await logAt(file).record(click);
    const lines = (await readFile(file, "utf8")).split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe("");
    expect(JSON.parse(lines[0] as string)).toEqual({
      time: "2026-01-02T03:04:05.000Z",
      channel: hashChannel("C1", "s3cret"),
      messageTs: "1700000000.000100",
      answerId: "a1",
      question: "When did the dam burst?",
      vote: "up",
      passages: ["https://example.org/flood#2", "article-7#0"],
      voter: hashVoter("U123", "s3cret"),
    });
    expect(record.voter).toMatch(/^[0-9a-f]{64}$/);
  });

  it("writes a line every reader splits the same way, whatever the question holds", async () => {
    const file = join(tempDir(), "votes.jsonl");
    const question = "a\u2028b\u2029c\u0085d\re\u000bf\u001cg";
    await logAt(file).record({ ...click, question });
    await logAt(file).record(click);
    const text = await readFile(file, "utf8");
    // What Python's str.splitlines and some editors end a line on, besides \n.
    const splitLikePython = text.split(/\r\n|[\n\r\v\f\p{Cc}\u2028\u2029]/u);
    expect(splitLikePython).toEqual(text.split("\n"));
    expect(splitLikePython).toHaveLength(3);
    const { votes, skipped } = await readVotes(file);
    expect(skipped).toEqual([]);
    expect(votes[0]?.question).toBe(question);
  });

  it("never writes the voter's user id in clear", async () => {
    const file = join(tempDir(), "votes.jsonl");
    await logAt(file).record({ ...click, userId: "UVERYSECRETID" });
    expect(await readFile(file, "utf8")).not.toContain("UVERYSECRETID");
  });

  it("never writes a channel id in clear: a DM's channel names the person who voted", async () => {
    const file = join(tempDir(), "votes.jsonl");
    const record = await logAt(file).record({ ...click, channel: "D0SOMEDM9" });
    expect(await readFile(file, "utf8")).not.toContain("D0SOMEDM9");
    expect(record.channel).toBe(hashChannel("D0SOMEDM9", "s3cret"));
    expect(record.channel).not.toBe(hashChannel("D0SOMEDM9", "another key"));
  });

  it("still reads a line written before channels were hashed", async () => {
    const file = join(tempDir(), "votes.jsonl");
    const old = { ...JSON.parse(JSON.stringify(await logAt(join(tempDir(), "x")).record(click))) };
    old.channel = "D0OLDDM1";
    await writeFile(file, `${JSON.stringify(old)}\n`);
    await logAt(file).record(click);
    const { votes, skipped } = await readVotes(file);
    expect(skipped).toEqual([]);
    expect(votes.map((v) => v.channel)).toEqual(["D0OLDDM1", hashChannel("C1", "s3cret")]);
  });

  it("hashes with the secret: another secret gives another voter value", () => {
    expect(hashVoter("U1", "a")).not.toBe(hashVoter("U1", "b"));
    expect(hashVoter("U1", "a")).toBe(hashVoter("U1", "a"));
  });

  it("refuses an empty secret with a named error", () => {
    expect(() => new FeedbackLog({ file: join(tempDir(), "x"), secret: "" })).toThrow(
      /^Feedback: the vote log needs a non-empty secret/,
    );
    expect(() => hashVoter("U1", "")).toThrow(/^Feedback: /);
  });

  it("cuts an overlong question so a line stays one short write", async () => {
    const file = join(tempDir(), "votes.jsonl");
    const record = await logAt(file).record({ ...click, question: "why ".repeat(1000) });
    expect(record.question.length).toBe(LOGGED_QUESTION_MAX);
  });

  it("keeps every line whole when many votes are appended at once", async () => {
    const file = join(tempDir(), "votes.jsonl");
    const log = logAt(file);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        log.record({ ...click, answerId: `a${i}`, question: `q${i} ${"x".repeat(i * 5)}` }),
      ),
    );
    const { votes, skipped } = await readVotes(file);
    expect(skipped).toEqual([]);
    expect(new Set(votes.map((v) => v.answerId)).size).toBe(200);
  });
});

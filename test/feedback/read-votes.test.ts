import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hashVoter } from "../../src/feedback/hash-voter.js";
import { latestVotes, parseVoteLine, readVotes } from "../../src/feedback/read-votes.js";
import { click, logAt, useTempDir } from "./vote-fixtures.js";

const tempDir = useTempDir();

describe("readVotes", () => {
  it("reports a missing file as no votes, without throwing", async () => {
    expect(await readVotes(join(tempDir(), "none.jsonl"))).toEqual({
      votes: [],
      skipped: [],
      missing: true,
    });
  });

  it("skips and lists corrupt lines, keeping the good ones", async () => {
    const file = join(tempDir(), "votes.jsonl");
    const log = logAt(file);
    await log.record(click);
    const good = await readFile(file, "utf8");
    const torn = good.slice(0, 40);
    const wrongVote = good.replace('"vote":"up"', '"vote":"meh"');
    await writeFile(file, `${good}${torn}\n\n[1,2]\n${wrongVote}${good}`);
    const { votes, skipped, missing } = await readVotes(file);
    expect(missing).toBe(false);
    expect(votes).toHaveLength(2);
    expect(skipped).toEqual([
      { line: 2, reason: "not JSON" },
      { line: 4, reason: "not an object" },
      { line: 5, reason: 'field "vote" is not "up" or "down"' },
    ]);
  });

  it("names the field that is wrong", () => {
    expect(parseVoteLine('{"time":"2026-01-01T00:00:00Z"}')).toBe('field "channel" missing');
    expect(
      parseVoteLine(
        JSON.stringify({
          time: "yesterday",
          channel: "C",
          answerId: "a",
          question: "q",
          voter: "v",
          vote: "up",
          messageTs: null,
          passages: [],
        }),
      ),
    ).toBe('field "time" is not a date');
  });
});

describe("latestVotes", () => {
  it("keeps the last vote of a person on an answer, and votes of others and other answers", async () => {
    const file = join(tempDir(), "votes.jsonl");
    const log = logAt(file);
    await log.record({ ...click, vote: "up" });
    await log.record({ ...click, userId: "U999", vote: "down" });
    await log.record({ ...click, answerId: "a2", vote: "down" });
    await log.record({ ...click, vote: "down" });
    const { votes } = await readVotes(file);
    const latest = latestVotes(votes);
    expect(latest.map((v) => [v.answerId, v.vote])).toEqual([
      ["a1", "down"],
      ["a2", "down"],
      ["a1", "down"],
    ]);
    const mine = latest.filter((v) => v.voter === hashVoter("U123", "s3cret"));
    expect(mine.map((v) => v.answerId).sort()).toEqual(["a1", "a2"]);
  });
});

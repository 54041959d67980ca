import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { FeedbackLog, type VoteInput } from "../../src/feedback/feedback-log.js";

/** A fresh temporary folder for each test of the file using it, removed after. */
export function useTempDir(): () => string {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "feedback-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** One click of a feedback button, about a flood: nothing of the project's corpus. */
export const click: VoteInput = {
  channel: "C1",
  messageTs: "1700000000.000100",
  answerId: "a1",
  question: "When did the dam burst?",
  vote: "up",
  passages: ["https://example.org/flood#2", "article-7#0"],
  userId: "U123",
};

/** A vote log whose clock reads `times` in turn, then a fixed time. */
export function logAt(file: string, times: string[] = []): FeedbackLog {
  let i = 0;
  return new FeedbackLog({
    file,
    secret: "s3cret",
    now: () => new Date(times[i++] ?? "2026-01-02T03:04:05.000Z"),
  });
}

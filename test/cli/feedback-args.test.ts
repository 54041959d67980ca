import { describe, expect, it, vi } from "vitest";
import { parseFeedbackArgs } from "../../src/cli/feedback.js";

describe("npm run feedback's arguments", () => {
  it("rejects unknown arguments and a flag without its file, naming them", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(parseFeedbackArgs(["--bogus"], {})).toBe(64);
      expect(errors.mock.calls[0]?.[0]).toMatch(/^feedback: Unknown option '--bogus'/);
      expect(parseFeedbackArgs(["--export-eval"], {})).toBe(64);
      expect(errors.mock.calls[1]?.[0]).toMatch(/^feedback: Option '--export-eval <value>'/);
    } finally {
      errors.mockRestore();
    }
    expect(parseFeedbackArgs([], { FEEDBACK_FILE: "votes.jsonl" })).toMatchObject({
      file: "votes.jsonl",
    });
    expect(parseFeedbackArgs([], {})).toEqual({
      json: false,
      exportEval: null,
      file: "data/feedback.jsonl",
    });
  });
});

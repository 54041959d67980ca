import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { EXIT_USAGE, readCliArgs } from "../../src/cli/cli-args.js";

const USAGE = "usage: demo [--count N] [--loud] FILE…";
const OPTIONS = { count: { type: "string" }, loud: { type: "boolean" } } as const;

let out: MockInstance;
let err: MockInstance;
beforeEach(() => {
  out = vi.spyOn(console, "log").mockImplementation(() => {});
  err = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("readCliArgs", () => {
  it("returns the options and positionals it was given", () => {
    expect(
      readCliArgs("demo", USAGE, ["--count", "3", "a.md", "--loud"], OPTIONS, {
        positionals: true,
      }),
    ).toEqual({ run: true, values: { count: "3", loud: true }, positionals: ["a.md"] });
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
  });

  it("prints the usage on stdout for --help and -h, and exits 0", () => {
    for (const flag of ["--help", "-h"]) {
      expect(readCliArgs("demo", USAGE, [flag], OPTIONS)).toEqual({ run: false, exitCode: 0 });
    }
    expect(out.mock.calls).toEqual([[USAGE], [USAGE]]);
    expect(err).not.toHaveBeenCalled();
  });

  it("names an unknown option, a missing value and an unwanted argument in a sentence, then exits 64", () => {
    const wrong = [["--colour"], ["--count"], ["stray"]];
    for (const args of wrong) {
      expect(readCliArgs("demo", USAGE, args, OPTIONS)).toEqual({
        run: false,
        exitCode: EXIT_USAGE,
      });
    }
    const lines = err.mock.calls.map(([text]) => String(text));
    expect(lines[0]).toMatch(/^demo: Unknown option '--colour'\..*\nusage: demo/s);
    expect(lines[1]).toMatch(/^demo: Option '--count <value>' argument missing\nusage: demo/);
    expect(lines[2]).toBe(`demo: unexpected argument "stray"\n${USAGE}`);
    expect(out).not.toHaveBeenCalled();
  });
});

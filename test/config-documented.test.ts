import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  loadConfig,
  loadFeedbackFile,
  loadFeedSettings,
  loadIndexSettings,
  loadReplicaSettings,
  noColorRequested,
} from "../src/config.js";

type Env = Record<string, string | undefined>;

/** Every variable the config's readers look up, over envs that take each of their branches. */
function settingsRead(): string[] {
  const read = new Set<string>();
  const recording = (values: Env): Env =>
    new Proxy(values, {
      get(target, name) {
        if (typeof name !== "string") return undefined;
        read.add(name);
        return target[name];
      },
    });
  const readers: ((env: Env) => unknown)[] = [
    loadConfig,
    loadIndexSettings,
    loadFeedSettings,
    loadReplicaSettings,
    loadFeedbackFile,
    noColorRequested,
  ];
  // Empty; single-workspace HTTP; OAuth mode (which reads its own settings only when named).
  const envs: Env[] = [
    {},
    { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" },
    {
      SLACK_CLIENT_ID: "1",
      SLACK_CLIENT_SECRET: "2",
      SLACK_STATE_SECRET: "3".repeat(32),
      INSTALLATION_KEY: Buffer.alloc(32, 7).toString("base64"),
    },
  ];
  for (const reader of readers) {
    for (const env of envs) {
      try {
        reader(recording({ ...env }));
      } catch {
        // A ConfigError for the missing ones: what was read up to it is what counts.
      }
    }
  }
  return [...read].sort();
}

/** The variables a doc names: `NAME` at the start of a table row, or NAME= in an env file. */
function named(text: string, pattern: RegExp): string[] {
  return [...new Set([...text.matchAll(pattern)].map((m) => m[1] as string))].sort();
}

describe("the settings' documentation", () => {
  const read = settingsRead();

  it("reads a good number of settings (the recording works)", () => {
    expect(read).toEqual(expect.arrayContaining(["CORPUS_DIR", "PORT", "INSTALLATION_KEY"]));
  });

  it("lists in docs/operations.md every setting config.ts reads, and no other", () => {
    const doc = readFileSync("docs/operations.md", "utf8");
    expect(named(doc, /^\| `([A-Z][A-Z0-9_]+)` \|/gm)).toEqual(read);
  });

  it("shows in .env.example every setting the bot reads, and no other", () => {
    const example = readFileSync(".env.example", "utf8");
    // NO_COLOR is a terminal's convention (no-color.org), not the bot's: it stays out of .env.
    expect(named(example, /^#? ?([A-Z][A-Z0-9_]+)=/gm)).toEqual(
      read.filter((name) => name !== "NO_COLOR"),
    );
  });
});

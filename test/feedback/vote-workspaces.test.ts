import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  renderFeedbackTable,
  summariseVotes,
  UNNAMED_WORKSPACE,
  WORKSPACES_HEADING,
} from "../../src/feedback/feedback-report.js";
import { hashWorkspace } from "../../src/feedback/hash-voter.js";
import { latestVotes, parseVoteLine, readVotes } from "../../src/feedback/read-votes.js";
import { voteWorkspaceId } from "../../src/feedback/vote-workspace.js";
import { click, logAt, useTempDir } from "./vote-fixtures.js";

const tempDir = useTempDir();

describe("votes per workspace", () => {
  it("logs the workspace as an HMAC, never in clear", async () => {
    const file = join(tempDir(), "votes.jsonl");
    await logAt(file).record({ ...click, workspace: "T0AAA" });
    const text = await readFile(file, "utf8");
    expect(text).not.toContain("T0AAA");
    const [vote] = (await readVotes(file)).votes;
    expect(vote?.workspace).toBe(hashWorkspace("T0AAA", "s3cret"));
  });

  it("counts two workspaces' votes on one answer id, channel id and user id apart", async () => {
    const file = join(tempDir(), "votes.jsonl");
    const log = logAt(file);
    await log.record({ ...click, workspace: "T0AAA", vote: "up" });
    await log.record({ ...click, workspace: "T0BBB", vote: "down" });
    // A repeat vote in one workspace still replaces that workspace's vote only.
    await log.record({ ...click, workspace: "T0AAA", vote: "down" });
    const latest = latestVotes((await readVotes(file)).votes);
    expect(latest.map((v) => [v.workspace, v.vote])).toEqual([
      [hashWorkspace("T0BBB", "s3cret"), "down"],
      [hashWorkspace("T0AAA", "s3cret"), "down"],
    ]);
    const summary = summariseVotes(latest);
    expect(summary).toMatchObject({ answers: 2, up: 0, down: 2 });
    expect(summary.workspaces).toHaveLength(2);
    expect(summary.workspaces.map((w) => [w.answers, w.up, w.down])).toEqual([
      [1, 0, 1],
      [1, 0, 1],
    ]);
  });

  it("shows a section per workspace only when several voted, old lines as one unnamed workspace", async () => {
    const file = join(tempDir(), "votes.jsonl");
    const log = logAt(file);
    await log.record({ ...click, workspace: "T0AAA", vote: "up" });
    const one = renderFeedbackTable(summariseVotes(latestVotes((await readVotes(file)).votes)));
    expect(one).not.toContain(WORKSPACES_HEADING);
    await log.record({ ...click, vote: "down" });
    const summary = summariseVotes(latestVotes((await readVotes(file)).votes));
    expect(summary.workspaces.map((w) => w.workspace)).toEqual([
      hashWorkspace("T0AAA", "s3cret"),
      null,
    ]);
    const table = renderFeedbackTable(summary);
    expect(table).toContain(WORKSPACES_HEADING);
    expect(table).toContain(hashWorkspace("T0AAA", "s3cret").slice(0, 12));
    expect(table).toContain(UNNAMED_WORKSPACE);
  });

  it("reads old lines without a workspace and refuses an empty one", () => {
    const base = {
      time: "2026-01-02T03:04:05.000Z",
      channel: "c",
      messageTs: null,
      answerId: "a1",
      question: "q",
      vote: "up",
      passages: [],
      voter: "v",
    };
    const old = parseVoteLine(JSON.stringify(base));
    expect(typeof old).toBe("object");
    expect(old).not.toHaveProperty("workspace");
    expect(parseVoteLine(JSON.stringify({ ...base, workspace: "" }))).toBe(
      `field "workspace" invalid`,
    );
  });

  it("names an org-wide install by its org and any other by its team", () => {
    expect(voteWorkspaceId({ teamId: "T1", enterpriseId: "E1", isEnterpriseInstall: true })).toBe(
      "E1",
    );
    expect(voteWorkspaceId({ teamId: "T1", enterpriseId: "E1", isEnterpriseInstall: false })).toBe(
      "T1",
    );
    expect(voteWorkspaceId({})).toBeNull();
  });
});

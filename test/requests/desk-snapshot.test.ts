import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SNAPSHOT_FILE, snapshotReplies } from "./desk-snapshot.js";

describe("the desk's replies on the project's four articles", () => {
  it("are those recorded before the news data moved into the index build", async () => {
    const recorded = JSON.parse(readFileSync(SNAPSHOT_FILE, "utf8")) as Record<string, unknown>;
    const replies = await snapshotReplies();
    expect(Object.keys(replies)).toEqual(Object.keys(recorded));
    for (const [request, reply] of Object.entries(replies))
      expect({ request, reply }).toEqual({ request, reply: recorded[request] });
  }, 60_000);
});

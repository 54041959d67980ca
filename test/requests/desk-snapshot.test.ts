import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DESK_DERIVATION, DeskData } from "../../src/requests/desk-data.js";
import { openIndex } from "../../src/search/index-store.js";
import { SNAPSHOT_FILE, snapshotReplies } from "./desk-snapshot.js";

describe("the desk's replies on the project's four articles", () => {
  const recorded = () => JSON.parse(readFileSync(SNAPSHOT_FILE, "utf8")) as Record<string, unknown>;

  it.each(["corpus", "prebuilt"] as const)(
    "are those recorded before the news data moved into the index build (index from the %s)",
    async (from) => {
      const before = recorded();
      const replies = await snapshotReplies(from);
      expect(Object.keys(replies)).toEqual(Object.keys(before));
      for (const [request, reply] of Object.entries(replies))
        expect({ request, reply }).toEqual({ request, reply: before[request] });
    },
    60_000,
  );
});

describe("the desk's data built with the index", () => {
  it("comes with the index opened, not built on a first request", async () => {
    const { index } = await openIndex(
      { corpusDir: "corpus", indexFile: "/nonexistent/index.ndjson", maxArticleBytes: 8 << 20 },
      { derive: DESK_DERIVATION, warn: () => {} },
    );
    expect(index.derived).toBeInstanceOf(DeskData);
    const desk = index.derived as DeskData;
    expect(desk.news.sentences.length).toBeGreaterThan(50);
    expect(desk.examples.length).toBeGreaterThan(0);
  }, 60_000);
});

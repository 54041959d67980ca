import { describe, expect, it } from "vitest";
import {
  alreadyFollowingText,
  EDITORS_UNSET_TEXT,
  followedText,
  NOT_AN_EDITOR_TEXT,
  notFollowingText,
  UNFOLLOWED_TEXT,
} from "../../src/format/desk-text.js";
import type { IngestResult } from "../../src/ingest/ingest-result.js";
import { type AddUrl, DeskCommands } from "../../src/live/desk-commands.js";
import { followers } from "../../src/live/follows.js";
import { MemoryLiveStore } from "../../src/state/memory-live-store.js";

const caller = { userId: "U1", teamId: "T1", channelId: "C1" };
const quiet = { info: () => {}, warn: () => {} };

function commands(editors: string[] | null, result?: IngestResult) {
  const live = new MemoryLiveStore(() => 5_000);
  const asked: { url: string; addedBy: string }[] = [];
  const announced: string[] = [];
  const addUrl: AddUrl = async (url, addedBy) => {
    asked.push({ url, addedBy });
    return result ?? { status: "refused", url, reason: "no result set" };
  };
  const desk = new DeskCommands({
    live,
    editors,
    addUrl,
    onAdded: async (why) => {
      announced.push(why);
    },
    digestMinutes: 30,
    logger: quiet,
    nowMilliseconds: () => 5_000,
  });
  return { desk, live, asked, announced };
}

describe("DeskCommands: add", () => {
  it("refuses everyone, naming EDITORS, while it is unset, and fetches nothing", async () => {
    const t = commands(null);
    expect(await t.desk.add("https://a.test/x", caller, "/syria")).toBe(EDITORS_UNSET_TEXT);
    expect(EDITORS_UNSET_TEXT).toContain("EDITORS");
    expect(t.asked).toEqual([]);
  });

  it("refuses someone not in EDITORS, naming the setting", async () => {
    const t = commands(["U9"]);
    expect(await t.desk.add("https://a.test/x", caller, "/syria")).toBe(NOT_AN_EDITOR_TEXT);
    expect(NOT_AN_EDITOR_TEXT).toContain("EDITORS");
    expect(t.asked).toEqual([]);
  });

  it("adds for an editor, with added_by, says title, outlet and date, and tells every replica", async () => {
    const t = commands(["U1"], {
      status: "added",
      url: "https://a.test/x",
      file: "2031-03-05-a-test-x.md",
      title: "Harbour reopens",
      outlet: "A Test",
      published: "2031-03-05",
      copyOf: null,
    });
    const reply = await t.desk.add("https://a.test/x", caller, "/syria");
    expect(t.asked).toEqual([{ url: "https://a.test/x", addedBy: "U1" }]);
    expect(reply).toContain("*Harbour reopens*");
    expect(reply).toContain("A Test, 5 Mar 2031");
    expect(t.announced).toHaveLength(1);
  });

  it("says why not for a duplicate or a refused page, and tells nobody", async () => {
    const dup = commands(["U1"], {
      status: "duplicate",
      url: "https://a.test/x",
      file: "old.md",
      reason: "url",
    });
    expect(await dup.desk.add("https://a.test/x", caller, "/syria")).toMatch(
      /already have it.*old\.md/,
    );
    const refused = commands(["U1"], {
      status: "refused",
      url: "https://a.test/x",
      reason: "robots.txt disallows it",
    });
    expect(await refused.desk.add("https://a.test/x", caller, "/syria")).toBe(
      "Not added: robots.txt disallows it.",
    );
    expect([...dup.announced, ...refused.announced]).toEqual([]);
  });
});

describe("DeskCommands: follow, unfollow", () => {
  it("follows a channel once, keeps its team, and unfollows it", async () => {
    const t = commands(null);
    expect(await t.desk.follow(caller, "/syria")).toBe(followedText("/syria", 30));
    expect(await t.desk.follow({ ...caller, userId: "U2" }, "/syria")).toBe(
      alreadyFollowingText("/syria"),
    );
    expect(await followers(t.live)).toEqual([
      { channelId: "C1", teamId: "T1", since: 5_000, by: "U1" },
    ]);
    expect(await t.desk.unfollow(caller, "/syria")).toBe(UNFOLLOWED_TEXT);
    expect(await t.desk.unfollow(caller, "/syria")).toBe(notFollowingText("/syria"));
    expect(await followers(t.live)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { FOLLOWS, follow, followers, unfollowWorkspace } from "../../src/live/follows.js";
import { MemoryLiveStore } from "../../src/state/memory-live-store.js";

describe("unfollowWorkspace", () => {
  it("stops every follow of the uninstalled workspace and keeps the others'", async () => {
    const live = new MemoryLiveStore(() => 5_000);
    await follow(live, { channelId: "C1", teamId: "T1", since: 1, by: "U1" });
    await follow(live, { channelId: "C2", teamId: "T1", since: 1, by: "U1" });
    await follow(live, { channelId: "C3", teamId: "T2", since: 1, by: "U2" });
    await live.putRecord(FOLLOWS, "C4", "not json");
    expect(await unfollowWorkspace(live, "T1")).toBe(2);
    expect((await followers(live)).map((f) => f.channelId)).toEqual(["C3"]);
    expect(await unfollowWorkspace(live, "T1")).toBe(0);
    expect((await live.records(FOLLOWS)).has("C4")).toBe(true);
    await live.close();
  });
});

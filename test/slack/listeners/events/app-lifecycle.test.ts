import { describe, expect, it } from "vitest";
import { SingleWorkspace } from "../../../../src/install/workspaces.js";
import { DeskCommands } from "../../../../src/live/desk-commands.js";
import { follow, followers } from "../../../../src/live/follows.js";
import { appLifecycle } from "../../../../src/slack/listeners/events/app-lifecycle.js";
import { MemoryLiveStore } from "../../../../src/state/memory-live-store.js";
import { MemoryStore } from "../../../../src/state/memory-store.js";

const quiet = { info: () => {}, warn: () => {} };

async function uninstallScene(event: Record<string, unknown>) {
  const state = new MemoryStore();
  const live = new MemoryLiveStore(() => 5_000);
  const desk = new DeskCommands({
    live,
    editors: null,
    addUrl: null,
    onAdded: async () => {},
    digestMinutes: 60,
    logger: quiet,
  });
  await state.set("ws:T1:thread:C1:1.0", "single mode", 60);
  await state.set("ws:T1.e1:thread:C1:1.0", "an OAuth epoch", 60);
  await state.set("ws:T1.e0:answer:x", "an older epoch", 60);
  await state.set("ws:T2.e2:thread:C1:1.0", "another workspace", 60);
  await follow(live, { channelId: "C1", teamId: "T1", since: 1, by: "U1" });
  await follow(live, { channelId: "C9", teamId: "T2", since: 1, by: "U2" });
  const logs: string[] = [];
  const logger = {
    info: (m: string) => logs.push(m),
    warn: (m: string) => logs.push(m),
    error: (m: string) => logs.push(m),
  };
  const listener = appLifecycle({
    workspaces: new SingleWorkspace("xoxb-test", {}),
    state,
    desk,
  });
  await listener({ event, body: { team_id: "T1" }, logger } as never);
  return { state, live, logs };
}

describe("appLifecycle", () => {
  it("on app_uninstalled deletes every key of the workspace's scopes and its follows, no other's", async () => {
    const { state, live, logs } = await uninstallScene({ type: "app_uninstalled" });
    expect(await state.get("ws:T1:thread:C1:1.0")).toBeNull();
    expect(await state.get("ws:T1.e1:thread:C1:1.0")).toBeNull();
    expect(await state.get("ws:T1.e0:answer:x")).toBeNull();
    expect(await state.get("ws:T2.e2:thread:C1:1.0")).toBe("another workspace");
    expect((await followers(live)).map((f) => f.teamId)).toEqual(["T2"]);
    expect(logs).toContain("App uninstalled in T1: 3 state key(s) deleted");
  });

  it("leaves everything when only user tokens were revoked", async () => {
    const { state, live } = await uninstallScene({
      type: "tokens_revoked",
      tokens: { oauth: ["U1"], bot: [] },
    });
    expect(await state.get("ws:T1.e1:thread:C1:1.0")).toBe("an OAuth epoch");
    expect(await followers(live)).toHaveLength(2);
  });
});

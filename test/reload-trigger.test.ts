import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { ReloadTrigger } from "../src/reload-trigger.js";

function recorder() {
  const reasons: string[] = [];
  return { reasons, reloads: { reload: async (why: string) => reasons.push(why) } };
}

describe("ReloadTrigger", () => {
  it("remembers a request made before the index is served and reloads once it is", () => {
    const trigger = new ReloadTrigger();
    trigger.request("SIGHUP");
    trigger.request("new articles");
    const { reasons, reloads } = recorder();
    trigger.serve(reloads);
    expect(reasons).toEqual(["SIGHUP during start"]);
  });

  it("reloads at once after, and not at all when nothing asked during the start", () => {
    const trigger = new ReloadTrigger();
    const { reasons, reloads } = recorder();
    trigger.serve(reloads);
    expect(reasons).toEqual([]);
    trigger.request("new articles");
    expect(reasons).toEqual(["new articles"]);
  });

  it("takes SIGHUP as a request", () => {
    const trigger = new ReloadTrigger();
    const target = new EventEmitter();
    trigger.listen(target as unknown as NodeJS.Process);
    const { reasons, reloads } = recorder();
    trigger.serve(reloads);
    target.emit("SIGHUP");
    expect(reasons).toEqual(["SIGHUP"]);
  });
});

import { expect, it } from "vitest";
import { AbsentWorkspaceLog } from "../../src/install/absent-workspace-log.js";

it("logs a workspace at most once an hour, each workspace on its own", () => {
  const lines: string[] = [];
  let now = 0;
  const log = new AbsentWorkspaceLog(
    (m) => lines.push(m),
    () => now,
  );
  log.notice("T1", "T1 absent");
  log.notice("T1", "T1 absent");
  log.notice("T2", "T2 absent");
  now += 59 * 60 * 1000;
  log.notice("T1", "T1 absent");
  expect(lines).toEqual(["T1 absent", "T2 absent"]);
  now += 60 * 1000;
  log.notice("T1", "T1 absent");
  expect(lines).toEqual(["T1 absent", "T2 absent", "T1 absent"]);
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { openWorkspaces } from "../../src/install/open-workspaces.js";
import { InstalledWorkspaces } from "../../src/install/workspaces.js";
import { MemoryStore } from "../../src/state/memory-store.js";
import { FakeSlack } from "../support/fake-slack.js";
import { MapInstallationRecords } from "../support/map-installation-records.js";
import { oauthEnv } from "../support/oauth-install.js";

// clientForTeam: work that is not a reply to a request (digests, scheduled posts) gets a client
// with the workspace's own token, or null for a workspace without an installation.

const fake = new FakeSlack();
beforeAll(() => fake.start());
afterAll(() => fake.stop());

it("gives a client with each workspace's own token, an org's for its teams, null for a stranger", async () => {
  const config = loadConfig({
    ...oauthEnv(mkdtempSync(join(tmpdir(), "unused-"))),
    SLACK_SIGNING_SECRET: "x",
    SLACK_API_URL: fake.apiUrl,
  });
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const workspaces = openWorkspaces({
    config,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    state: new MemoryStore(),
    logger: quiet,
    records: new MapInstallationRecords(),
  });
  if (!(workspaces instanceof InstalledWorkspaces)) throw new Error("not OAuth mode");
  const installation = (team: string | undefined, org: string | undefined, token: string) => ({
    team: team ? { id: team } : undefined,
    enterprise: org ? { id: org } : undefined,
    user: { id: "U1", token: undefined, scopes: undefined },
    bot: { token, scopes: ["chat:write"], id: "B1", userId: "UBOT" },
    isEnterpriseInstall: team === undefined,
    authVersion: "v2" as const,
  });
  await workspaces.store.storeInstallation(installation("T1", undefined, "xoxb-one"));
  await workspaces.store.storeInstallation(installation(undefined, "E1", "xoxb-org"));

  await (await workspaces.clientForTeam("T1"))?.chat.postMessage({ channel: "C1", text: "a" });
  await (await workspaces.clientForTeam("T7", "E1"))?.chat.postMessage({
    channel: "C7",
    text: "b",
  });
  expect(fake.callsWithToken("xoxb-one", "chat.postMessage").map((c) => c.body.channel)).toEqual([
    "C1",
  ]);
  expect(fake.callsWithToken("xoxb-org", "chat.postMessage").map((c) => c.body.channel)).toEqual([
    "C7",
  ]);
  expect(await workspaces.clientForTeam("T9")).toBeNull();
});

import { randomBytes } from "node:crypto";
import type { Installation } from "@slack/oauth";
import { describe, expect, it } from "vitest";
import { EncryptedInstallationStore } from "../../src/install/encrypted-installation-store.js";
import { InstallationCipher } from "../../src/install/installation-cipher.js";
import {
  InstallationMissingError,
  InstallationStoreUnavailableError,
} from "../../src/install/installation-errors.js";
import { MapInstallationRecords } from "../support/map-installation-records.js";

const team = (id: string, token: string): Installation => ({
  team: { id, name: "Team" },
  enterprise: undefined,
  user: { id: "U1", token: undefined, scopes: undefined },
  bot: { token, scopes: ["chat:write"], id: "B1", userId: "UBOT" },
  isEnterpriseInstall: false,
  authVersion: "v2",
});
const org = (id: string, token: string): Installation => ({
  team: undefined,
  enterprise: { id, name: "Org" },
  user: { id: "U1", token: undefined, scopes: undefined },
  bot: { token, scopes: ["chat:write"], id: "B1", userId: "UBOT" },
  isEnterpriseInstall: true,
  authVersion: "v2",
});

function setUp() {
  const records = new MapInstallationRecords();
  let now = 0;
  const store = new EncryptedInstallationStore(
    records,
    new InstallationCipher(randomBytes(32)),
    () => now,
    60_000,
  );
  return { records, store, advance: (ms: number) => (now += ms) };
}

describe("EncryptedInstallationStore", () => {
  it("finds a team's own install first, else its org's, and nothing for a stranger", async () => {
    const { store } = setUp();
    await store.storeInstallation(team("T1", "xoxb-team"));
    await store.storeInstallation(org("E1", "xoxb-org"));
    expect(
      (
        await store.fetchInstallation({
          teamId: "T1",
          enterpriseId: "E1",
          isEnterpriseInstall: false,
        })
      ).bot?.token,
    ).toBe("xoxb-team");
    expect(
      (
        await store.fetchInstallation({
          teamId: "T2",
          enterpriseId: "E1",
          isEnterpriseInstall: false,
        })
      ).bot?.token,
    ).toBe("xoxb-org");
    expect(
      (
        await store.fetchInstallation({
          teamId: "T2",
          enterpriseId: "E1",
          isEnterpriseInstall: true,
        })
      ).bot?.token,
    ).toBe("xoxb-org");
    await expect(store.find({ teamId: "T9" })).rejects.toBeInstanceOf(InstallationMissingError);
    await expect(store.find({ teamId: "../x" })).rejects.toBeInstanceOf(InstallationMissingError);
  });

  it("keeps a workspace's state scope across a token refresh, and starts a new one after removal", async () => {
    const { store } = setUp();
    await store.storeInstallation(team("T1", "xoxb-1"));
    const first = (await store.find({ teamId: "T1" })).scope;
    await store.storeInstallation(team("T1", "xoxb-2"));
    expect((await store.find({ teamId: "T1" })).scope).toBe(first);
    expect(await store.remove({ teamId: "T1" })).toBe(true);
    await store.storeInstallation(team("T1", "xoxb-3"));
    expect((await store.find({ teamId: "T1" })).scope).not.toBe(first);
    expect(first.startsWith("T1.")).toBe(true);
  });

  it("with the records unreadable, answers from what it read in the last minute, then fails", async () => {
    const { records, store, advance } = setUp();
    await store.storeInstallation(team("T1", "xoxb-1"));
    await store.find({ teamId: "T1" });
    records.down = true;
    advance(30_000);
    expect(
      (
        await store.fetchInstallation({
          teamId: "T1",
          enterpriseId: undefined,
          isEnterpriseInstall: false,
        })
      ).bot?.token,
    ).toBe("xoxb-1");
    await expect(store.find({ teamId: "T2" })).rejects.toBeInstanceOf(
      InstallationStoreUnavailableError,
    );
    advance(31_000 + 30_000);
    await expect(store.find({ teamId: "T1" })).rejects.toBeInstanceOf(
      InstallationStoreUnavailableError,
    );
  });

  it("forgets the cached copy on removal, so an uninstall is not undone by the cache", async () => {
    const { records, store } = setUp();
    await store.storeInstallation(team("T1", "xoxb-1"));
    await store.remove({ teamId: "T1" });
    records.down = true;
    await expect(store.find({ teamId: "T1" })).rejects.toBeInstanceOf(
      InstallationStoreUnavailableError,
    );
  });
});

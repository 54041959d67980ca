import { randomBytes } from "node:crypto";
import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import type { InstallationCipher } from "./installation-cipher.js";
import {
  InstallationMissingError,
  InstallationStoreUnavailableError,
} from "./installation-errors.js";
import type { InstallationRecords } from "./installation-records.js";

/**
 * How long a looked-up installation answers from memory when the store cannot be read (Redis
 * restarting, a disk hiccup). Short: an uninstall seen by another replica must not be ignored for
 * long, and only lookups that fail fall back to it.
 */
export const INSTALLATION_CACHE_MS = 5 * 60 * 1000;

/** What is sealed per installation: Slack's installation and the key of its state. */
interface StoredInstallation {
  installation: Installation;
  /**
   * Random per installation, part of every state key of its workspace: an uninstall deletes it
   * with the installation, and the workspace's state can never be read again (it expires with
   * its TTL). A reinstall starts with fresh state.
   */
  stateEpoch: string;
}

/** A workspace as a request names it. */
export interface WorkspaceQuery {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/** Where an installation is kept: an org-wide install under its enterprise, any other under its team. */
export function recordKeyOf(installation: Installation): string {
  if (installation.isEnterpriseInstall && installation.enterprise?.id) {
    return `enterprise-${installation.enterprise.id}`;
  }
  if (installation.team?.id) return `team-${installation.team.id}`;
  throw new Error("Installation store: an installation with neither a team nor an org");
}

/** Slack team and enterprise ids; anything else in a request names no installation. */
const SLACK_ID = /^[A-Z0-9]{2,40}$/;

/** The records that may answer a query, best first: the team's own, then its org's. */
function candidateKeys(raw: WorkspaceQuery): string[] {
  const query = {
    teamId: raw.teamId && SLACK_ID.test(raw.teamId) ? raw.teamId : undefined,
    enterpriseId:
      raw.enterpriseId && SLACK_ID.test(raw.enterpriseId) ? raw.enterpriseId : undefined,
    isEnterpriseInstall: raw.isEnterpriseInstall,
  };
  const keys: string[] = [];
  if (query.isEnterpriseInstall && query.enterpriseId)
    keys.push(`enterprise-${query.enterpriseId}`);
  if (query.teamId) keys.push(`team-${query.teamId}`);
  if (query.enterpriseId && !query.isEnterpriseInstall)
    keys.push(`enterprise-${query.enterpriseId}`);
  return keys;
}

function describe(query: WorkspaceQuery): string {
  return [query.enterpriseId, query.teamId].filter(Boolean).join("/") || "an unnamed workspace";
}

/**
 * @slack/oauth's InstallationStore over sealed records (files or Redis): every installation is
 * encrypted whole, so no token, team name or user id is readable at rest. Lookups that fail fall
 * back on what this process read in the last few minutes; uninstalls remove both.
 */
export class EncryptedInstallationStore implements InstallationStore {
  private readonly recent = new Map<string, { stored: StoredInstallation; at: number }>();

  constructor(
    private readonly records: InstallationRecords,
    private readonly cipher: InstallationCipher,
    private readonly nowMilliseconds: () => number = Date.now,
    private readonly cacheMs = INSTALLATION_CACHE_MS,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const key = recordKeyOf(installation);
    // A reinstall or a token refresh keeps the workspace's state; a first install starts it.
    const previous = await this.readRecord(key).catch(() => null);
    const stored: StoredInstallation = {
      installation,
      stateEpoch: previous?.stateEpoch ?? randomBytes(6).toString("base64url"),
    };
    await this.records.write(key, this.cipher.seal(JSON.stringify(stored), key));
    this.recent.set(key, { stored, at: this.nowMilliseconds() });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    return (await this.find(query)).stored.installation;
  }

  /** Removes the installation that answers `query`; true when there was one. */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.remove(query);
  }

  /** Removes the installation that answers `query` exactly (not its org's); true when there was one. */
  async remove(query: WorkspaceQuery): Promise<boolean> {
    const key = candidateKeys(query)[0];
    if (key === undefined) return false;
    this.recent.delete(key);
    const existed = (await this.records.read(key)) !== null;
    await this.records.remove(key);
    return existed;
  }

  /**
   * The installation answering `query` and the scope of its state (`<workspace>.<epoch>`), or
   * throws InstallationMissingError / InstallationStoreUnavailableError.
   */
  async find(query: WorkspaceQuery): Promise<{ stored: StoredInstallation; scope: string }> {
    const workspace = query.teamId ?? query.enterpriseId ?? "";
    let failure: unknown = null;
    for (const key of candidateKeys(query)) {
      try {
        const stored = await this.readRecord(key);
        if (stored === null) continue;
        this.recent.set(key, { stored, at: this.nowMilliseconds() });
        return { stored, scope: `${workspace}.${stored.stateEpoch}` };
      } catch (error) {
        failure ??= error;
        const cached = this.recent.get(key);
        if (cached && this.nowMilliseconds() - cached.at <= this.cacheMs) {
          return { stored: cached.stored, scope: `${workspace}.${cached.stored.stateEpoch}` };
        }
      }
    }
    if (failure !== null) {
      const detail = failure instanceof Error ? failure.message : String(failure);
      throw new InstallationStoreUnavailableError(describe(query), detail);
    }
    throw new InstallationMissingError(describe(query));
  }

  async close(): Promise<void> {
    await this.records.close();
  }

  private async readRecord(key: string): Promise<StoredInstallation | null> {
    const sealed = await this.records.read(key);
    if (sealed === null) return null;
    return JSON.parse(this.cipher.open(sealed, key)) as StoredInstallation;
  }
}

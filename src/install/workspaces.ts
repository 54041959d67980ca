import type { AuthorizeResult, InstallationQuery, InstallProvider } from "@slack/oauth";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { EncryptedInstallationStore, WorkspaceQuery } from "./encrypted-installation-store.js";
import {
  InstallationMissingError,
  InstallationStoreUnavailableError,
} from "./installation-errors.js";

/** Why a request gets no answer: its workspace has no installation, or it cannot be read now. */
export type Absence = "not installed" | "uninstalled" | "store unreachable";

/** What `authorize` adds to Bolt's context besides the tokens. */
export interface WorkspaceContext {
  /** Where the workspace's state lives (see workspace-scope.ts). */
  workspaceScope?: string;
  /** Set when the request must be acknowledged and nothing else. */
  workspaceAbsence?: Absence;
  /** Why the store could not be read (a lost Redis, a record sealed with another key), for the log. */
  workspaceAbsenceDetail?: string;
}

/** The ids Bolt puts in a request's context (`teamId`, `enterpriseId`, `isEnterpriseInstall`). */
export type RequestWorkspace = WorkspaceQuery;

/** Slack's team and enterprise ids; a request may carry anything else, which is not logged. */
const SLACK_ID = /^[A-Z0-9]{2,40}$/;

/** One name for a workspace in logs: its org and team ids, or a word for ids that are not Slack's. */
export function workspaceName(query: WorkspaceQuery): string {
  const ids = [query.enterpriseId, query.teamId].filter(Boolean) as string[];
  if (ids.length === 0) return "an unnamed workspace";
  return ids.every((id) => SLACK_ID.test(id)) ? ids.join("/") : "a workspace with a malformed id";
}

/**
 * The workspaces the bot serves, and each one's token. Single-workspace mode (SLACK_BOT_TOKEN) and
 * OAuth mode share this shape, so listeners, the work queue and state never ask which mode runs.
 */
export interface Workspaces {
  readonly mode: "single" | "oauth";
  /** Bolt's `authorize` (OAuth mode); single-workspace mode gives Bolt its token instead. */
  readonly authorize:
    | ((source: InstallationQuery<boolean>) => Promise<AuthorizeResult & WorkspaceContext>)
    | null;
  /** Why a request with this context is not answered, or null when it is. */
  absence(context: RequestWorkspace & WorkspaceContext): Absence | null;
  /** The state scope of a request that is answered. */
  scopeOf(context: RequestWorkspace & WorkspaceContext): string;
  /** The app was uninstalled, or its bot token revoked: forget the installation and its state. */
  uninstall(workspace: RequestWorkspace): Promise<boolean>;
  /**
   * A Web API client with the workspace's own bot token, for work that is not a reply to a
   * request (digests, scheduled posts); null when the workspace has no installation (or the store
   * cannot be read and nothing recent is cached).
   */
  clientForTeam(teamId: string | undefined, enterpriseId?: string): Promise<WebClient | null>;
  close(): Promise<void>;
}

/** SLACK_BOT_TOKEN: one workspace, one token; an uninstall silences it until restarted with a new token. */
export class SingleWorkspace implements Workspaces {
  readonly mode = "single";
  readonly authorize = null;
  private gone = false;

  constructor(
    private readonly botToken: string,
    private readonly clientOptions: WebClientOptions,
  ) {}

  absence(): Absence | null {
    return this.gone ? "uninstalled" : null;
  }

  scopeOf(context: RequestWorkspace): string {
    return context.teamId ?? context.enterpriseId ?? "workspace";
  }

  async uninstall(): Promise<boolean> {
    const was = !this.gone;
    this.gone = true;
    return was;
  }

  async clientForTeam(): Promise<WebClient | null> {
    return this.gone ? null : new WebClient(this.botToken, this.clientOptions);
  }

  async close(): Promise<void> {}
}

/** OAuth mode: any workspace installs through /slack/install; tokens come from the store. */
export class InstalledWorkspaces implements Workspaces {
  readonly mode = "oauth";

  constructor(
    readonly installer: InstallProvider,
    readonly store: EncryptedInstallationStore,
    private readonly clientOptions: WebClientOptions,
  ) {}

  readonly authorize = async (
    source: InstallationQuery<boolean>,
  ): Promise<AuthorizeResult & WorkspaceContext> => {
    const ids = { teamId: source.teamId, enterpriseId: source.enterpriseId };
    let found: Awaited<ReturnType<EncryptedInstallationStore["find"]>>;
    try {
      found = await this.store.find(source);
    } catch (error) {
      if (error instanceof InstallationMissingError)
        return { ...ids, workspaceAbsence: "not installed" };
      if (error instanceof InstallationStoreUnavailableError) {
        return {
          ...ids,
          workspaceAbsence: "store unreachable",
          workspaceAbsenceDetail: error.message,
        };
      }
      throw error;
    }
    const { installation } = found.stored;
    const bot = installation.bot;
    if (bot === undefined) return { ...ids, workspaceAbsence: "not installed" };
    // With token rotation on, InstallProvider refreshes a token that expires within two hours and
    // stores the new one; without it the stored token is the answer.
    const tokens: AuthorizeResult = bot.refreshToken
      ? await this.installer.authorize(source)
      : { botToken: bot.token, botId: bot.id, botUserId: bot.userId };
    return {
      ...tokens,
      teamId: installation.team?.id ?? source.teamId,
      enterpriseId: installation.enterprise?.id ?? source.enterpriseId,
      workspaceScope: found.scope,
    };
  };

  absence(context: WorkspaceContext): Absence | null {
    return context.workspaceAbsence ?? null;
  }

  scopeOf(context: RequestWorkspace & WorkspaceContext): string {
    return context.workspaceScope ?? workspaceName(context);
  }

  uninstall(workspace: RequestWorkspace): Promise<boolean> {
    return this.store.remove(workspace);
  }

  async clientForTeam(
    teamId: string | undefined,
    enterpriseId?: string,
  ): Promise<WebClient | null> {
    const result = await this.authorize({ teamId, enterpriseId, isEnterpriseInstall: false });
    if (result.botToken === undefined) return null;
    return new WebClient(result.botToken, this.clientOptions);
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

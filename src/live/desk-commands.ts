import {
  ADD_UNAVAILABLE_TEXT,
  addedText,
  addUsageText,
  alreadyFollowingText,
  DESK_UNAVAILABLE_TEXT,
  duplicateText,
  EDITORS_UNSET_TEXT,
  followedText,
  NOT_AN_EDITOR_TEXT,
  notFollowingText,
  offStoryText,
  refusedText,
  UNFOLLOWED_TEXT,
} from "../format/desk-text.js";
import type { IngestResult } from "../ingest/ingest-result.js";
import type { LiveStore } from "../state/live-store.js";
import { follow, unfollow, unfollowWorkspace } from "./follows.js";

/** Who asked, and where. */
export interface DeskCaller {
  userId: string;
  teamId: string;
  channelId: string;
}

/** Fetches one article through the ingest pipeline, with `added_by` set to the user. */
export type AddUrl = (url: string, addedBy: string) => Promise<IngestResult>;

export interface DeskLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface DeskCommandsOptions {
  live: LiveStore;
  /** EDITORS: the Slack user ids that may add; null (unset) lets nobody. */
  editors: readonly string[] | null;
  /** The ingest pipeline; null where it is not wired. */
  addUrl: AddUrl | null;
  /** Told when an article was added: every replica reloads. */
  onAdded: (why: string) => Promise<void>;
  digestMinutes: number;
  logger: DeskLogger;
  nowMilliseconds?: () => number;
}

/**
 * `add`, `follow` and `unfollow`, answered as mrkdwn text for the person who asked. No Slack
 * import: the adapter passes who asked and posts the text.
 */
export class DeskCommands {
  private readonly now: () => number;

  constructor(private readonly options: DeskCommandsOptions) {
    this.now = options.nowMilliseconds ?? Date.now;
  }

  /** The app was uninstalled from workspace `teamId`: its channels stop getting digests. */
  forgetWorkspace(teamId: string): Promise<number> {
    return unfollowWorkspace(this.options.live, teamId);
  }

  /** Why `userId` may not add, or null when they may: checked before anything is fetched. */
  refusal(userId: string): string | null {
    const { editors, addUrl } = this.options;
    if (editors === null || editors.length === 0) return EDITORS_UNSET_TEXT;
    if (!editors.includes(userId)) return NOT_AN_EDITOR_TEXT;
    if (addUrl === null) return ADD_UNAVAILABLE_TEXT;
    return null;
  }

  /** Adds the article at `url` for an editor; what was added, or why not. */
  async add(url: string | null, caller: DeskCaller, commandName: string): Promise<string> {
    const refused = this.refusal(caller.userId);
    if (refused !== null) return refused;
    if (url === null) return addUsageText(commandName);
    const result = await (this.options.addUrl as AddUrl)(url, caller.userId);
    this.options.logger.info(`Add by ${caller.userId}: ${result.status} ${url}`);
    switch (result.status) {
      case "added":
        await this.options
          .onAdded(`article added by ${caller.userId}`)
          .catch((error: unknown) =>
            this.options.logger.warn(
              `Add: the other replicas were not told (${error instanceof Error ? error.message : error}); they reload on their next change`,
            ),
          );
        return addedText(result);
      case "duplicate":
        return duplicateText(result.file);
      case "off-story":
        return offStoryText(result.title);
      case "refused":
        return refusedText(result.reason);
    }
  }

  async follow(caller: DeskCaller, commandName: string): Promise<string> {
    try {
      const added = await follow(this.options.live, {
        channelId: caller.channelId,
        teamId: caller.teamId,
        since: this.now(),
        by: caller.userId,
      });
      if (added) this.options.logger.info(`Follow: ${caller.channelId} by ${caller.userId}`);
      return added
        ? followedText(commandName, this.options.digestMinutes)
        : alreadyFollowingText(commandName);
    } catch (error) {
      this.options.logger.warn(`Follow of ${caller.channelId} failed: ${messageOf(error)}`);
      return DESK_UNAVAILABLE_TEXT;
    }
  }

  async unfollow(caller: DeskCaller, commandName: string): Promise<string> {
    try {
      const removed = await unfollow(this.options.live, caller.channelId);
      if (removed) this.options.logger.info(`Unfollow: ${caller.channelId} by ${caller.userId}`);
      return removed ? UNFOLLOWED_TEXT : notFollowingText(commandName);
    } catch (error) {
      this.options.logger.warn(`Unfollow of ${caller.channelId} failed: ${messageOf(error)}`);
      return DESK_UNAVAILABLE_TEXT;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

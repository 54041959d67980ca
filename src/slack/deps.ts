import type { FeedbackLog } from "../feedback/feedback-log.js";
import type { CorpusStats } from "../format/home-view.js";
import type { Workspaces } from "../install/workspaces.js";
import type { DeskCommands } from "../live/desk-commands.js";
import type { DeskStatus } from "../live/desk-status.js";
import type { AnyAnswerer } from "../requests/request-answerer.js";
import type { StateStore } from "../state/state-store.js";
import type { WorkQueue } from "./work-queue.js";

/** What listeners need, passed in so tests can build them small. */
export interface ListenerDeps {
  /** Answers a routed request (a question, help, sources, timeline, who) from the current index. */
  ask: AnyAnswerer;
  /** The slash command the app answers; help in mentions and DMs names it. */
  commandName: string;
  /** Where the work after an ack goes. */
  queue: WorkQueue;
  /**
   * Claims shared by every replica (one answer per event, one post per share), thread memory
   * (the threads the bot answered in) and the assistant threads it was opened in.
   */
  state: StateStore;
  /**
   * Where feedback votes go. Null: answers carry no feedback buttons, since a vote that cannot be
   * recorded should not be asked for.
   */
  feedback: FeedbackLog | null;
  /** Questions the articles answer confidently, best first: suggested prompts and Home examples. */
  examples: () => readonly string[];
  /** What the bot knows, for the Home tab; null while the index is not ready. */
  corpusStats: () => CorpusStats | null;
  /** `add`, `follow`, `unfollow`; null where the live desk is not wired (they are refused). */
  desk?: DeskCommands | null;
  /** When the corpus last changed and each feed's state, for the Home tab; null shows none. */
  deskStatus?: () => Promise<DeskStatus | null>;
  /** The clock, in milliseconds: thread memory expires by it. */
  nowMilliseconds: () => number;
  /** The workspaces served: an uninstall or a revoked bot token forgets one. */
  workspaces: Workspaces;
}

/** A short description of an error for logs: its name, code and message, never a payload. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === "string" ? ` (${code})` : ""}: ${error.message}`;
}

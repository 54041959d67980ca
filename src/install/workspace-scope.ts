import { AsyncLocalStorage } from "node:async_hooks";
import type { StateStore } from "../state/state-store.js";

// State is kept per workspace: every key a listener reads or writes while it answers a request
// from a workspace is put under that workspace's scope, so two workspaces never see each other's
// threads, claims or follows, whatever the listener's code. The scope travels with the request
// (Node's AsyncLocalStorage) instead of through every listener's arguments, so a new kind of state
// is per workspace without anyone having to remember it.

const current = new AsyncLocalStorage<string>();

/** Runs `work` with `scope` (a workspace, and in OAuth mode its installation's epoch) as the current one. */
export function inWorkspace<T>(scope: string, work: () => T): T {
  return current.run(scope, work);
}

/** Runs `work` outside any workspace's scope: its keys are used as they are given. */
export function outsideWorkspace<T>(work: () => T): T {
  return current.exit(work);
}

/**
 * The key prefixes of every scope a workspace's state may be under: `ws:<id>.` for each epoch of
 * an OAuth installation (`<id>.<epoch>`, find() in encrypted-installation-store.ts), `ws:<id>:`
 * for single-workspace mode and for a request whose installation gave no scope. Slack ids hold no
 * `.` or `:`, so one workspace's prefixes never cover another's (`ws:T1.` is not `ws:T12.`).
 */
export function workspaceKeyPrefixes(ids: { teamId?: string; enterpriseId?: string }): string[] {
  const id = ids.teamId || ids.enterpriseId;
  if (!id) return [];
  const named = [ids.enterpriseId, ids.teamId].filter(Boolean).join("/");
  return [...new Set([`ws:${id}.`, `ws:${id}:`, `ws:${named}:`])];
}

/** The scope of the request being answered, or null outside one (start-up, the OAuth routes). */
export function currentWorkspaceScope(): string | null {
  return current.getStore() ?? null;
}

/**
 * A StateStore whose keys are put under the current workspace's scope (`ws:<scope>:<key>`); keys
 * used outside any workspace (the OAuth state, start-up) are left as they are.
 */
export class WorkspaceScopedStore implements StateStore {
  constructor(private readonly inner: StateStore) {}

  claim(key: string, ttlSeconds: number): Promise<boolean> {
    return this.inner.claim(scoped(key), ttlSeconds);
  }

  release(key: string): Promise<void> {
    return this.inner.release(scoped(key));
  }

  get(key: string): Promise<string | null> {
    return this.inner.get(scoped(key));
  }

  set(key: string, value: string, ttlSeconds: number): Promise<void> {
    return this.inner.set(scoped(key), value, ttlSeconds);
  }

  /**
   * Deletes the keys under `prefix` within the current workspace's scope. To delete whole
   * workspaces, call it in `outsideWorkspace` with `workspaceKeyPrefixes`.
   */
  deleteScope(prefix: string): Promise<number> {
    return this.inner.deleteScope(scoped(prefix));
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

function scoped(key: string): string {
  const scope = current.getStore();
  return scope === undefined ? key : `ws:${scope}:${key}`;
}

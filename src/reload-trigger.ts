/** What reloads the served index: `IndexReloader`, once the first index is served. */
export interface Reloads {
  reload(why: string): Promise<unknown>;
}

/**
 * Where every reload request goes (SIGHUP, a replica announcing new articles), from the first
 * moment of the start. Until the first index is served there is nothing to reload: the first
 * request is remembered and done once `serve` is called, since the first build may have read the
 * corpus before the change it announces.
 */
export class ReloadTrigger {
  #reloads: Reloads | null = null;
  #pending: string | null = null;

  request(why: string): void {
    if (this.#reloads !== null) void this.#reloads.reload(why);
    else this.#pending ??= why;
  }

  /** Sends requests to `reloads` from now on, and the one that came before, if any. */
  serve(reloads: Reloads): void {
    this.#reloads = reloads;
    if (this.#pending !== null) void reloads.reload(`${this.#pending} during start`);
    this.#pending = null;
  }

  /** Reloads on SIGHUP, which would otherwise end the process. */
  listen(target: Pick<NodeJS.Process, "on"> = process): void {
    target.on("SIGHUP", () => this.request("SIGHUP"));
  }
}

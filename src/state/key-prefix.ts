// What goes before every key this bot writes to a shared Redis, so two bots (or a staging and a
// production copy) on one Redis never read each other's claims, threads or keys. Replicas of one
// bot must share it. The prefix is applied in one place, the Redis client (`RedisStore`), to every
// command; the keys themselves are built in claim-keys.ts and by each caller's namespace.

/** Letters, digits and `_ . : -`, up to 64: a key part that needs no quoting in redis-cli. */
const PREFIX = /^[A-Za-z0-9_.:-]{0,64}$/;

/** True when `prefix` can go before a key: see PREFIX. The empty prefix is allowed (no prefix). */
export function isValidKeyPrefix(prefix: string): boolean {
  return PREFIX.test(prefix);
}

/**
 * The prefix when REDIS_PREFIX is not set: the slash command's name and a colon (`/syria` →
 * `syria:`). The command is what tells two bots apart in a workspace and is known at start, before
 * any Slack call; the app id would need one (and a payload to read it from).
 */
export function defaultKeyPrefix(slashCommand: string): string {
  return `${slashCommand.replace(/^\//, "")}:`;
}

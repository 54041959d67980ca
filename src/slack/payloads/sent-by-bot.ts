/** The fields of a message or mention event that say who posted it. */
export interface PostedBy {
  user?: string;
  bot_id?: string;
  bot_profile?: unknown;
  subtype?: string;
}

/**
 * True when a bot posted the message: any bot (`bot_id`, `bot_profile`, `subtype: "bot_message"`)
 * or this app's own bot user. Bots never get a reply, so two bots cannot answer each other forever.
 */
export function sentByBot(event: PostedBy, ownBotUserId: string | undefined): boolean {
  if (event.subtype === "bot_message") return true;
  if (typeof event.bot_id === "string" && event.bot_id !== "") return true;
  if (event.bot_profile !== undefined && event.bot_profile !== null) return true;
  return ownBotUserId !== undefined && event.user === ownBotUserId;
}

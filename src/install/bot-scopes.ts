/**
 * The bot scopes an install asks for: the same list as both manifests' `oauth_config.scopes.bot`
 * (test/slack/manifest.test.ts keeps them equal). Why each: docs/assistant.md.
 */
export const BOT_SCOPES = [
  "app_mentions:read",
  "assistant:write",
  "channels:history",
  "chat:write",
  "commands",
  "groups:history",
  "im:history",
  "mpim:history",
] as const;

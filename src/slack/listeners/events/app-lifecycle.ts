import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";

/**
 * The app was uninstalled from a workspace, or its tokens revoked: every call with the token fails
 * from now on. Slack sends these to every app; Bolt acks them. Logged as a warning, so an admin
 * reading the log learns why the bot fell silent before the `invalid_auth` errors start.
 */
export async function appLifecycle({
  event,
  body,
  logger,
}: SlackEventMiddlewareArgs<"app_uninstalled" | "tokens_revoked"> &
  AllMiddlewareArgs): Promise<void> {
  const where = body.team_id ?? body.enterprise_id;
  if (event.type === "app_uninstalled") {
    logger.warn(`App uninstalled from ${where}: its tokens no longer work there`);
    return;
  }
  const { oauth = [], bot = [] } = event.tokens;
  logger.warn(
    `Tokens revoked in ${where}: ${bot.length} bot and ${oauth.length} user token(s); calls with them will fail`,
  );
}

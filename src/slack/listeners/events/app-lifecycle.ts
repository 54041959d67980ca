import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { outsideWorkspace, workspaceKeyPrefixes } from "../../../install/workspace-scope.js";
import type { ListenerDeps } from "../../deps.js";
import { describeError } from "../../deps.js";

/** The ids an `app_uninstalled` or `tokens_revoked` delivery names its workspace by. */
function workspaceOf(body: {
  team_id?: string;
  enterprise_id?: string;
  is_enterprise_install?: boolean;
  authorizations?: {
    team_id?: string | null;
    enterprise_id?: string | null;
    is_enterprise_install?: boolean;
  }[];
}) {
  const authorization = body.authorizations?.[0];
  return {
    teamId: body.team_id || authorization?.team_id || undefined,
    enterpriseId: body.enterprise_id || authorization?.enterprise_id || undefined,
    isEnterpriseInstall:
      body.is_enterprise_install ?? authorization?.is_enterprise_install ?? false,
  };
}

/**
 * The app was uninstalled from a workspace (or org), or its tokens revoked. Either forgets the
 * installation, so later requests from there are acknowledged and get no Web API call with the
 * dead token; deletes every state key of the workspace, under any of its scopes
 * (`workspaceKeyPrefixes`), and no other's; and stops its channels' follows, so
 * no digest is attempted. Revoked user tokens alone leave the bot installation as it is: the bot
 * never uses them. Each step is tried even when another failed: state that could not be deleted
 * still expires on its TTL, and the installation's removal already makes it unreadable.
 */
export function appLifecycle({
  workspaces,
  state,
  desk,
}: Pick<ListenerDeps, "workspaces" | "state" | "desk">) {
  return async ({
    event,
    body,
    logger,
  }: SlackEventMiddlewareArgs<"app_uninstalled" | "tokens_revoked"> &
    AllMiddlewareArgs): Promise<void> => {
    const workspace = workspaceOf(body as Parameters<typeof workspaceOf>[0]);
    const where =
      [workspace.enterpriseId, workspace.teamId].filter(Boolean).join("/") || "a workspace";
    let why = "App uninstalled";
    if (event.type === "tokens_revoked") {
      const { oauth = [], bot = [] } = event.tokens;
      if (bot.length === 0) {
        logger.info(
          `Tokens revoked in ${where}: ${oauth.length} user token(s) and no bot token; the bot installation stays`,
        );
        return;
      }
      why = `Bot token revoked (${bot.length} bot, ${oauth.length} user)`;
    }
    try {
      await workspaces.uninstall(workspace);
      logger.warn(
        `${why} in ${where}: its installation and state are forgotten; requests from it are acknowledged, not answered`,
      );
    } catch (error) {
      logger.error(
        `${why} in ${where}, but the installation could not be removed: ${describeError(error)}`,
      );
    }
    try {
      // Every epoch's scope, not just the request's: Bolt may hand this event no installation.
      const keys = await outsideWorkspace(async () => {
        let deleted = 0;
        for (const prefix of workspaceKeyPrefixes(workspace)) {
          deleted += await state.deleteScope(prefix);
        }
        return deleted;
      });
      logger.info(`${why} in ${where}: ${keys} state key(s) deleted`);
    } catch (error) {
      logger.warn(
        `${why} in ${where}: its state could not all be deleted (${describeError(error)}); the rest expires on its TTL`,
      );
    }
    if (desk && workspace.teamId) {
      try {
        const channels = await desk.forgetWorkspace(workspace.teamId);
        if (channels > 0)
          logger.info(`${why} in ${where}: ${channels} followed channel(s) unfollowed`);
      } catch (error) {
        logger.warn(
          `${why} in ${where}: its follows could not be removed: ${describeError(error)}`,
        );
      }
    }
  };
}

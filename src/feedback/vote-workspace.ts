/** The ids Bolt puts in a request's context, as far as a vote needs them. */
export interface VoteWorkspaceIds {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/**
 * The workspace a vote is counted under: the org's id for an org-wide install (one installation,
 * one set of answers for all its teams), else the team's id; null when the request named neither.
 */
export function voteWorkspaceId(ids: VoteWorkspaceIds): string | null {
  const id = ids.isEnterpriseInstall
    ? ids.enterpriseId || ids.teamId
    : ids.teamId || ids.enterpriseId;
  return id || null;
}

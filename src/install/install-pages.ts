// The pages a person installing the app sees in their browser. Plain HTML, every value escaped,
// no stack trace and no token: what happened and what to do next.

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const SPECIAL = /[&<>"']/g;

export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (c) => ESCAPES[c] ?? c);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
</head><body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>
`;
}

/** GET /slack/install: the "Add to Slack" link, with a state only this browser can bring back. */
export function installPage(authorizeUrl: string): string {
  return page(
    "Add the bot to Slack",
    `<p>Install the bot in your workspace (or, on Enterprise Grid, in your organisation).</p>
<p><a href="${escapeHtml(authorizeUrl)}"><strong>Add to Slack</strong></a></p>
<p>The link works for 10 minutes, once.</p>`,
  );
}

export interface InstalledWhere {
  /** The workspace (or org) name Slack gave, if any. */
  name: string | undefined;
  /** Installed for a whole Enterprise Grid organisation. */
  orgWide: boolean;
  /** `slack://` or `https://` link that opens the bot in Slack, if one can be built. */
  openUrl: string | null;
  slashCommand: string;
}

export const INSTALLED_TITLE = "Installed";

/** Shown after a successful install: where to find the bot. */
export function installedPage(where: InstalledWhere): string {
  const target = where.name ? ` in ${escapeHtml(where.name)}` : "";
  const scope = where.orgWide
    ? "<p>It is installed for the whole organisation: an admin chooses the workspaces it is added to in the org's app settings.</p>"
    : "";
  const open = where.openUrl
    ? `<p><a href="${escapeHtml(where.openUrl)}">Open the bot in Slack</a></p>`
    : "";
  return page(
    INSTALLED_TITLE,
    `<p>The bot is installed${target}.</p>${scope}
<p>Find it in Slack under <em>Apps</em> in the sidebar: send it a direct message, mention it in a channel it was added to, or type <code>${escapeHtml(where.slashCommand)}</code> and a question.</p>${open}`,
  );
}

export const INSTALL_FAILED_TITLE = "Not installed";

/** Shown when an install did not complete; `reason` is one of the texts in describeInstallFailure. */
export function installFailedPage(reason: string): string {
  return page(
    INSTALL_FAILED_TITLE,
    `<p>${escapeHtml(reason)}</p><p><a href="/slack/install">Start again</a></p>`,
  );
}

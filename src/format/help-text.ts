/** What each request does, for help: the command name is filled in by whoever shows it. */
export const HELP_REQUESTS = [
  { usage: "<question>", does: "quotes the passages that answer it, with their sources" },
  {
    usage: "timeline [words]",
    does: "the dated events of the story in order (only those with the words, if given)",
  },
  { usage: "sources", does: "every article: outlet, date, title, link, and whom it cites" },
  { usage: "who <name>", does: "what a person said, with the outlets reporting it" },
  {
    usage: "follow",
    does: "post in this channel what new articles add, as they land (`unfollow` stops it)",
  },
  { usage: "add <link>", does: "add a news article by its link (editors only)" },
  { usage: "help", does: "this list" },
] as const;

/** What `who` with no name says before its usage line. */
export const WHO_USAGE_INTRO = "Who do you mean? Name a person after who:";

/** `who` alone: the question it lacks, then its usage line from `HELP_REQUESTS`. */
export function whoUsageText(commandName?: string): string {
  const who = HELP_REQUESTS.find((r) => r.usage === "who <name>");
  const line = who ? `${withCommand(commandName, who.usage)}: ${who.does}` : "";
  return `${WHO_USAGE_INTRO}\n${line}`;
}

/** The help's first line when the number of articles is not known. */
export const HELP_INTRO = "I answer questions from news articles, quoting them with their sources.";

/** Heads the usage lines. */
export const HELP_HEADING = "Try:";

/** Heads the example questions (generated from the articles, so they always get an answer). */
export const EXAMPLES_HEADING = "For example:";

/**
 * The help's first line. It names no topic: the bot serves whatever story its articles tell, so
 * only the count (passed in) is specific.
 */
export function helpIntro(articles?: number): string {
  if (articles === undefined || articles < 1) return HELP_INTRO;
  const noun = articles === 1 ? "news article" : "news articles";
  return `I answer questions from ${articles} ${noun}, quoting them with their sources.`;
}

/**
 * A request as typed: `/ask timeline [words]` for a slash command, the bare request where
 * there is no command (a mention or a direct message).
 */
export function withCommand(commandName: string | undefined, request: string): string {
  return commandName ? `${commandName} ${request}` : request;
}

/** Usage lines for a command: `/ask timeline [words]: …`, or `npm run ask -- timeline [words]: …`. */
export function helpLines(commandName?: string): string[] {
  return HELP_REQUESTS.map(({ usage, does }) => `${withCommand(commandName, usage)}: ${does}`);
}

/** What help shows: the command as the request used it, example questions, the article count. */
export interface HelpContent {
  /** The command as the request used it ("/ask"); absent for mentions and direct messages. */
  commandName?: string;
  /** Questions to try, from `suggestQuestions`: they come from the articles, so they work. */
  examples?: readonly string[];
  /** How many articles the bot answers from. */
  articles?: number;
}

/** Help for a terminal: what the bot does, each request with the command, example questions. */
export function renderHelpText(help: HelpContent = {}): string {
  const lines = [
    helpIntro(help.articles),
    HELP_HEADING,
    ...helpLines(help.commandName).map((l) => `  ${l}`),
  ];
  const examples = help.examples ?? [];
  if (examples.length > 0)
    lines.push(EXAMPLES_HEADING, ...examples.map((q) => `  • ${withCommand(help.commandName, q)}`));
  return lines.join("\n");
}

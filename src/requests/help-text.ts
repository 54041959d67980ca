/** What each request does, for help: the command name is filled in by whoever shows it. */
export const HELP_REQUESTS = [
  { usage: "<question>", does: "quotes the passages that answer it, with their sources" },
  {
    usage: "timeline [words]",
    does: "the dated events of the story in order (only those with the words, if given)",
  },
  { usage: "sources", does: "every article: outlet, date, title, link, and whom it cites" },
  { usage: "who <name>", does: "what a person said, with the outlets reporting it" },
  { usage: "help", does: "this list" },
] as const;

export const HELP_HEADING = "I answer from news articles, quoting them with their sources. Try:";

/** Usage lines for a command: `/syria timeline [words]`, or `npm run ask -- timeline [words]`. */
export function helpLines(commandName: string): string[] {
  return HELP_REQUESTS.map(({ usage, does }) => `${commandName} ${usage}: ${does}`);
}

// `npm run ask -- "who granted asylum"`: the bot's answers in a terminal, with no Slack workspace.
// Requests go through the same router as Slack: `timeline [words]`, `sources`, `who <name>`,
// `help`, or a question. `--json` prints JSON; with no request, it answers stdin's, one a line.
import { createInterface } from "node:readline";
import { loadIndexSettings, noColorRequested, readCliEnv } from "../config.js";
import { ANSI_STYLE, PLAIN_STYLE } from "../format/render-text.js";
import { replyToJson } from "../format/reply-json.js";
import { renderReplyText } from "../format/reply-text.js";
import { maySearch } from "../requests/answer-request.js";
import { DESK_DERIVATION, deskDataOf } from "../requests/desk-data.js";
import { answererFor, type RequestAnswerer } from "../requests/request-answerer.js";
import { type Request, routeRequest } from "../requests/route-request.js";
import { openIndex } from "../search/index-store.js";
import { readCliArgs, usageError } from "./cli-args.js";
import { runCli } from "./run-cli.js";

/** How help names this command. */
export const CLI_COMMAND = "npm run ask --";

const USAGE = `usage: npm run ask -- [--json] [--limit N] "question" | timeline [words] | sources | who <name> | help
       npm run --silent ask -- --json < requests.txt   (one request a line)`;

const OPTIONS = {
  json: { type: "boolean" },
  limit: { type: "string" },
} as const;

interface AskArgs {
  json: boolean;
  limit: number;
  question: string;
}

/** The request and how to print it, or the exit code when there is nothing to answer. */
export function parseAskArgs(args: readonly string[]): AskArgs | number {
  const parsed = readCliArgs("ask", USAGE, args, OPTIONS, { positionals: true });
  if (!parsed.run) return parsed.exitCode;
  const { json = false, limit: limitText = "3" } = parsed.values;
  const limit = Number(limitText);
  if (!/^\d+$/.test(limitText) || limit < 1) {
    return usageError("ask", USAGE, "--limit takes a whole number ≥ 1").exitCode;
  }
  const question = parsed.positionals.join(" ").trim();
  if (!json && question === "") return usageError("ask", USAGE, "no question given").exitCode;
  return { json, limit, question };
}

function replyTo(ask: RequestAnswerer, text: string) {
  return ask(routeRequest(text), CLI_COMMAND);
}

/**
 * The index and its desk, read from the prebuilt file without the search index when `request`
 * cannot search (at 100k passages two thirds of the file's lines, and most of the heap and the
 * garbage collector's time), whole otherwise. `who` is read whole too: a name nobody has is
 * answered as a question, and reading the file a second time for it took a 100k corpus's
 * `who` past 5 s, where reading whole at once costs a found name about a second.
 */
async function indexFor(env: ReturnType<typeof readCliEnv>, request: Request | null) {
  const withoutSearch = request !== null && !maySearch(request);
  // A question reads the postings of its few terms: the rest stay undecoded.
  const opened = await openIndex(loadIndexSettings(env), {
    derive: DESK_DERIVATION,
    withoutSearch,
    lazyPostings: true,
  });
  return opened.index;
}

async function answerStdin(ask: RequestAnswerer): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    process.stdout.write(`${JSON.stringify(replyToJson(replyTo(ask, line.trim())))}\n`);
  }
}

async function main(): Promise<number> {
  const args = parseAskArgs(process.argv.slice(2));
  if (typeof args === "number") return args;
  const env = readCliEnv();
  // The news reading and example questions come with the index (read from the prebuilt file, in
  // one go: nothing else runs meanwhile). Requests from stdin may be anything: read whole.
  const request = args.question === "" ? null : routeRequest(args.question);
  const index = await indexFor(env, request);
  const { examples } = deskDataOf(index);
  // The same answerer the bot uses.
  const ask = answererFor(index, { limit: args.limit, examples: () => examples });
  if (args.json && args.question === "") {
    // Many requests: the news reading is read whole once, not in part for each question.
    void deskDataOf(index).news;
    await answerStdin(ask);
    return 0;
  }
  const reply = ask(request ?? routeRequest(args.question), CLI_COMMAND);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(replyToJson(reply))}\n`);
  } else {
    const colour = process.stdout.isTTY && !noColorRequested(env);
    console.log(renderReplyText(reply, colour ? ANSI_STYLE : PLAIN_STYLE));
  }
  return 0;
}

await runCli("ask", main);

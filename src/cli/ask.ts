// `npm run ask -- "who granted asylum"`: the bot's answers in a terminal, with no Slack workspace.
// Requests go through the same router as Slack: `timeline [words]`, `sources`, `who <name>`,
// `help`, or a question. `--json` prints JSON; with no request, it answers stdin's, one a line.
import { createInterface } from "node:readline";
import { ConfigError, loadIndexSettings } from "../config.js";
import { CorpusError } from "../corpus/corpus-error.js";
import { replyToJson } from "../format/news-json.js";
import { renderReplyText } from "../format/news-text.js";
import { ANSI_STYLE, PLAIN_STYLE } from "../format/render-text.js";
import { DESK_DERIVATION, deskDataOf } from "../requests/desk-data.js";
import { answererFor, type RequestAnswerer } from "../requests/request-answerer.js";
import { routeRequest } from "../requests/route-request.js";
import { openIndex } from "../search/index-store.js";

/** How help names this command. */
export const CLI_COMMAND = "npm run ask --";

const USAGE = `usage: npm run ask -- [--json] [--limit N] "question" | timeline [words] | sources | who <name> | help
       npm run --silent ask -- --json < requests.txt   (one request a line)`;

interface AskArgs {
  json: boolean;
  limit: number;
  question: string;
}

export function parseAskArgs(args: readonly string[]): AskArgs | string {
  let json = false;
  let limit = 3;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--json") json = true;
    else if (arg === "--limit") {
      limit = Number(args[++i]);
      if (!Number.isInteger(limit) || limit < 1) return "--limit takes a whole number ≥ 1";
    } else if (arg === "--help" || arg === "-h") return USAGE;
    else words.push(arg);
  }
  return { json, limit, question: words.join(" ").trim() };
}

function replyTo(ask: RequestAnswerer, text: string) {
  return ask(routeRequest(text), CLI_COMMAND);
}

async function answerStdin(ask: RequestAnswerer): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    process.stdout.write(`${JSON.stringify(replyToJson(replyTo(ask, line.trim())))}\n`);
  }
}

async function main(): Promise<number> {
  const args = parseAskArgs(process.argv.slice(2));
  if (typeof args === "string") {
    console.error(args);
    return 2;
  }
  if (!args.json && args.question === "") {
    console.error(USAGE);
    return 2;
  }
  // The news reading and example questions come with the index (read from the prebuilt file, in
  // one go: nothing else runs meanwhile).
  const { index } = await openIndex(loadIndexSettings(process.env), {
    derive: DESK_DERIVATION,
    inOneGo: true,
  });
  const { examples } = deskDataOf(index);
  // The same answerer the bot uses.
  const ask = answererFor(index, { limit: args.limit, examples: () => examples });
  if (args.json && args.question === "") {
    await answerStdin(ask);
    return 0;
  }
  const reply = replyTo(ask, args.question);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(replyToJson(reply))}\n`);
  } else {
    const colour = process.stdout.isTTY && !process.env.NO_COLOR;
    console.log(renderReplyText(reply, colour ? ANSI_STYLE : PLAIN_STYLE));
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof CorpusError || error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

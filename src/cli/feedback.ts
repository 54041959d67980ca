// `npm run feedback`: what people thought of the answers. A table of votes (answers, up, down, the
// most down-voted questions); `--json` prints one JSON object: the same totals and questions, and
// the votes, de-duplicated (a person's last vote per answer); `--export-eval FILE` writes the down-voted questions in the eval's question
// format for a person to add evidence patterns to. Reads FEEDBACK_FILE (default data/feedback.jsonl).
// Questions are people's text: the table prints them with every control character removed (no
// escape sequence reaches the terminal), and JSON escapes them (`safeJson`).
import { writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { safeJson } from "../corpus/control-characters.js";
import { DEFAULT_FEEDBACK_FILE } from "../feedback/feedback-log.js";
import {
  downVotedEvalQuestions,
  type FeedbackSummary,
  renderFeedbackTable,
  summariseVotes,
} from "../feedback/feedback-report.js";
import { latestVotes, readVotes, type SkippedLine } from "../feedback/read-votes.js";
import type { VoteRecord } from "../feedback/vote.js";

const USAGE = `usage: npm run feedback -- [--json | --export-eval FILE] [--file VOTES.jsonl]
       (the votes file defaults to $FEEDBACK_FILE, else ${DEFAULT_FEEDBACK_FILE})`;

interface FeedbackArgs {
  json: boolean;
  exportEval: string | null;
  file: string;
}

export function parseFeedbackArgs(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): FeedbackArgs | string {
  let json = false;
  let exportEval: string | null = null;
  let file = env.FEEDBACK_FILE || DEFAULT_FEEDBACK_FILE;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--json") json = true;
    else if (arg === "--export-eval" || arg === "--file") {
      const value = args[++i];
      if (value === undefined || value.startsWith("--")) return `${arg} takes a file name`;
      if (arg === "--file") file = value;
      else exportEval = value;
    } else if (arg === "--help" || arg === "-h") return USAGE;
    else return `unknown argument ${arg}\n${USAGE}`;
  }
  if (json && exportEval !== null) return `--json and --export-eval do not go together\n${USAGE}`;
  return { json, exportEval, file };
}

/** What `--json` prints: the report's totals and questions, and the votes they count. */
export interface FeedbackJson extends FeedbackSummary {
  votes: VoteRecord[];
  /** Lines of the log that are not votes, by line number. */
  skippedLines: SkippedLine[];
}

/** The one line said when no vote has been cast yet. */
export function missingFileMessage(file: string): string {
  return `feedback: no votes yet (${file} does not exist)`;
}

async function main(): Promise<number> {
  const args = parseFeedbackArgs(process.argv.slice(2));
  if (typeof args === "string") {
    console.error(args);
    return 2;
  }
  const log = await readVotes(args.file);
  if (log.missing) console.error(missingFileMessage(args.file));
  for (const { line, reason } of log.skipped) {
    console.error(`feedback: ${args.file}:${line}: skipped, ${reason}`);
  }
  const votes = latestVotes(log.votes);
  if (args.json) {
    const report: FeedbackJson = { ...summariseVotes(votes), votes, skippedLines: log.skipped };
    process.stdout.write(`${safeJson(report, 2)}\n`);
  } else if (args.exportEval !== null) {
    const questions = downVotedEvalQuestions(votes);
    await writeFile(args.exportEval, `${safeJson(questions, 2)}\n`);
    const noun = questions.length === 1 ? "question" : "questions";
    console.log(`feedback: wrote ${questions.length} down-voted ${noun} to ${args.exportEval}`);
  } else if (!log.missing) {
    console.log(renderFeedbackTable(summariseVotes(votes)));
  }
  return 0;
}

// Run only as a program, so tests can import the argument parser.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}

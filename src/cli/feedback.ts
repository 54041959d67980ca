// `npm run feedback`: what people thought of the answers. A table of votes (answers, up, down, the
// most down-voted questions); `--json` prints one JSON object: the same totals and questions, and
// the votes, de-duplicated (a person's last vote per answer); `--export-eval FILE` writes the down-voted questions in the eval's question
// format for a person to add evidence patterns to. Reads FEEDBACK_FILE (default data/feedback.jsonl).
// Questions are people's text: the table prints them with every control character removed (no
// escape sequence reaches the terminal), and JSON escapes them (`safeJson`).
import { writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { DEFAULTS, loadFeedbackFile, readCliEnv } from "../config.js";
import { safeJson } from "../corpus/control-characters.js";
import {
  downVotedEvalQuestions,
  type FeedbackSummary,
  renderFeedbackTable,
  summariseVotes,
} from "../feedback/feedback-report.js";
import { latestVotes, readVotes, type SkippedLine } from "../feedback/read-votes.js";
import type { VoteRecord } from "../feedback/vote.js";
import { readCliArgs, usageError } from "./cli-args.js";
import { runCli } from "./run-cli.js";

const USAGE = `usage: npm run feedback -- [--json | --export-eval FILE] [--file VOTES.jsonl]
       (the votes file defaults to $FEEDBACK_FILE, else ${DEFAULTS.feedbackFile})`;

interface FeedbackArgs {
  json: boolean;
  exportEval: string | null;
  file: string;
}

const OPTIONS = {
  json: { type: "boolean" },
  "export-eval": { type: "string" },
  file: { type: "string" },
} as const;

/** What to print from which votes file, or the exit code when there is nothing to do. */
export function parseFeedbackArgs(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): FeedbackArgs | number {
  const parsed = readCliArgs("feedback", USAGE, args, OPTIONS);
  if (!parsed.run) return parsed.exitCode;
  const { json = false, "export-eval": exportEval = null, file } = parsed.values;
  if (json && exportEval !== null) {
    return usageError("feedback", USAGE, "--json and --export-eval do not go together").exitCode;
  }
  return { json, exportEval, file: file ?? loadFeedbackFile(env) };
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
  const args = parseFeedbackArgs(process.argv.slice(2), readCliEnv());
  if (typeof args === "number") return args;
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
  await runCli("feedback", main);
}

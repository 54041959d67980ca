// One way every CLI reads its arguments: node:util's parseArgs, strict, with `--help` added.
import { type ParseArgsConfig, parseArgs } from "node:util";

/** EX_USAGE (sysexits.h): the command was used wrongly (an unknown option, a missing argument). */
export const EXIT_USAGE = 64;
/** EX_CONFIG (sysexits.h): a setting is missing or malformed, as for the bot's own start. */
export const EXIT_CONFIG = 78;

type Options = NonNullable<ParseArgsConfig["options"]>;
type WithHelp<O extends Options> = O & { help: { type: "boolean"; short: "h" } };
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{
    args: string[];
    options: WithHelp<O>;
    allowPositionals: true;
    strict: true;
  }>
>;

/** What a CLI does with its arguments: run with them, or exit now with this code. */
export type CliArgs<O extends Options> =
  | { run: true; values: Parsed<O>["values"]; positionals: string[] }
  | { run: false; exitCode: number };

/**
 * Parses `args` against `options` (plus `--help`/`-h`). `--help` prints `usage` and exits 0; an
 * unknown option, a missing value or an unwanted positional prints one sentence naming it, then
 * the usage, and exits 64.
 */
export function readCliArgs<O extends Options>(
  command: string,
  usage: string,
  args: readonly string[],
  options: O,
  { positionals = false }: { positionals?: boolean } = {},
): CliArgs<O> {
  const withHelp = { ...options, help: { type: "boolean", short: "h" } } as WithHelp<O>;
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: withHelp,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usageError(command, usage, (error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help === true) {
    console.log(usage);
    return { run: false, exitCode: 0 };
  }
  if (!positionals && parsed.positionals.length > 0) {
    return usageError(command, usage, `unexpected argument "${parsed.positionals[0]}"`);
  }
  return { run: true, values: parsed.values, positionals: parsed.positionals };
}

/** Prints `problem` and the usage to stderr; the CLI exits 64. */
export function usageError(
  command: string,
  usage: string,
  problem: string,
): { run: false; exitCode: number } {
  console.error(`${command}: ${problem}\n${usage}`);
  return { run: false, exitCode: EXIT_USAGE };
}

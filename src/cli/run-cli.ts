// How every CLI ends: its exit code, or one line for an error it expects (a setting, the corpus).
import { ConfigError } from "../config.js";
import { CorpusError } from "../corpus/corpus-error.js";
import { EXIT_CONFIG } from "./cli-args.js";

/**
 * Runs `main` and sets the exit code it returns. A ConfigError prints its message and exits 78, as
 * the bot's start does; a CorpusError prints its message and exits 1; any other error prints one
 * line prefixed with `command` and exits 1.
 */
export async function runCli(command: string, main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exitCode = EXIT_CONFIG;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof CorpusError ? message : `${command}: ${message}`);
    process.exitCode = 1;
  }
}

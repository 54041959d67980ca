/** What is wrong with one corpus file. */
export type CorpusFault =
  | "unreadable"
  | "binary"
  | "not-utf8"
  | "too-large"
  | "front-matter-missing"
  | "front-matter-malformed"
  | "field-missing"
  | "field-invalid"
  | "date-invalid"
  | "date-in-future"
  | "body-empty";

export interface CorpusProblem {
  file: string;
  fault: CorpusFault;
  message: string;
}

/** One or more corpus files are unusable. The message names every file and what is wrong with it. */
export class CorpusError extends Error {
  readonly code = "CORPUS_INVALID";
  readonly problems: readonly CorpusProblem[];

  constructor(problems: readonly CorpusProblem[]) {
    super(
      `Corpus: ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems
        .map(formatProblem)
        .join("\n")}`,
    );
    this.name = "CorpusError";
    this.problems = problems;
  }
}

export function formatProblem(problem: CorpusProblem): string {
  return `  ${problem.file}: ${problem.message}`;
}

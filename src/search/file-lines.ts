// A file's lines, read in large chunks. Node's readline cost 2.5 s of a 100k-passage index's
// load (a regular expression over every chunk, a string per chunk, then per line); here each line
// is found with Buffer.indexOf and decoded once, or not at all when the reader skips it.
import { closeSync, openSync, readSync } from "node:fs";

/** How much is read at a time: few reads for a file of hundreds of MB, little memory held. */
const CHUNK_BYTES = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

export interface FileLinesOptions {
  /**
   * Lines (numbered from 0, empty lines not counted) the reader does not need: yielded as null,
   * never decoded. Asked once per line, in order, so it may change its answer as lines are read.
   */
  skip?: (line: number) => boolean;
}

interface LineState {
  carry: Buffer[];
  /** The number of the next non-empty line. */
  next: number;
  skip: ((line: number) => boolean) | undefined;
}

/** The line from `start` to `end` of `chunk` (after what `carry` holds), or null when skipped. */
function lineOf(state: LineState, chunk: Buffer, start: number, end: number): string | null {
  const { carry } = state;
  const empty = end === start && carry.every((part) => part.length === 0);
  if (empty) {
    carry.length = 0;
    return "";
  }
  const skipped = state.skip?.(state.next++) === true;
  let line: string | null = null;
  if (skipped) line = null;
  else if (carry.length > 0) {
    carry.push(chunk.subarray(start, end));
    line = Buffer.concat(carry).toString("utf8");
  } else line = chunk.toString("utf8", start, end);
  carry.length = 0;
  return line;
}

function* splitLines(chunk: Buffer, state: LineState): Generator<string | null> {
  let start = 0;
  for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
    yield lineOf(state, chunk, start, end);
    start = end + 1;
  }
  // A copy: the chunk's memory may be reused by the next read.
  if (start < chunk.length) state.carry.push(Buffer.from(chunk.subarray(start)));
}

function* chunksOf(file: string): Generator<Buffer> {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The lines of a UTF-8 file, without their line breaks; a last line without a newline is
 * yielded too, and empty lines are left out. Read with blocking calls: its readers (the serving
 * thread, the CLI) serve nothing until the file is read. Lines `skip` names come as null.
 */
export function fileLines(
  file: string,
  options: FileLinesOptions & { skip: (line: number) => boolean },
): Generator<string | null>;
export function fileLines(file: string): Generator<string>;
export function* fileLines(file: string, options: FileLinesOptions = {}): Generator<string | null> {
  const state: LineState = { carry: [], next: 0, skip: options.skip };
  for (const chunk of chunksOf(file))
    for (const line of splitLines(chunk, state)) if (line !== "") yield line;
  if (state.carry.length > 0) {
    const last = lineOf(state, Buffer.alloc(0), 0, 0);
    if (last !== "") yield last;
  }
}

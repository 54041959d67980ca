// A file's lines, read in large chunks. Node's readline cost 2.5 s of a 100k-passage index's
// load (a regular expression over every chunk, a string per chunk, then per line); here each line
// is found with Buffer.indexOf and decoded once.
import { closeSync, createReadStream, openSync, readSync } from "node:fs";

/** How much is read at a time: few reads for a file of hundreds of MB, little memory held. */
const CHUNK_BYTES = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

function* splitLines(chunk: Buffer, carry: Buffer[]): Generator<string> {
  let start = 0;
  for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
    if (carry.length > 0) {
      carry.push(chunk.subarray(start, end));
      yield Buffer.concat(carry).toString("utf8");
      carry.length = 0;
    } else yield chunk.toString("utf8", start, end);
    start = end + 1;
  }
  // A copy: the chunk's memory may be reused by the next read.
  if (start < chunk.length) carry.push(Buffer.from(chunk.subarray(start)));
}

function* chunksInOneGo(file: string): Generator<Buffer> {
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
 * yielded too, and empty lines are left out. `sync` reads with blocking calls (the CLI, which
 * serves nothing meanwhile); otherwise the file is streamed and the event loop runs between reads.
 */
export async function* fileLines(file: string, options: { sync?: boolean } = {}) {
  const carry: Buffer[] = [];
  const chunks: AsyncIterable<Buffer> | Iterable<Buffer> = options.sync
    ? chunksInOneGo(file)
    : createReadStream(file, { highWaterMark: CHUNK_BYTES });
  for await (const chunk of chunks)
    for (const line of splitLines(chunk, carry)) if (line !== "") yield line;
  if (carry.length > 0) {
    const last = Buffer.concat(carry).toString("utf8");
    if (last !== "") yield last;
  }
}

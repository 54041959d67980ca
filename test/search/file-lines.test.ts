import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileLines } from "../../src/search/file-lines.js";

async function linesOf(text: string): Promise<string[]> {
  const file = join(await mkdtemp(join(tmpdir(), "file-lines-")), "lines.ndjson");
  await writeFile(file, text);
  const lines: string[] = [];
  for (const line of fileLines(file)) lines.push(line);
  return lines;
}

describe("fileLines", () => {
  it(`reads every line whole: lines longer than a chunk, characters cut by a chunk's end, no final newline`, async () => {
    // Past the 4 MiB chunk, with a three-byte character on every boundary the reader may meet.
    const long = "€".repeat(2_000_000);
    const lines = ['{"a":1}', long, "short", `x${long}é`, "", "last"];
    const read = await linesOf(lines.join("\n"));
    expect(read).toEqual(lines.filter((l) => l !== ""));
  });

  it(`reads a file that ends with a newline, and an empty file`, async () => {
    expect(await linesOf("one\ntwo\n")).toEqual(["one", "two"]);
    expect(await linesOf("")).toEqual([]);
  });

  it(`yields the lines it is told to skip as null, numbered without the empty lines`, async () => {
    const long = "€".repeat(2_000_000);
    const lines = ["zero", "", long, "two", `x${long}`, "", "four"];
    const file = join(await mkdtemp(join(tmpdir(), "file-lines-")), "lines.ndjson");
    await writeFile(file, lines.join("\n"));
    const asked: number[] = [];
    const read: (string | null)[] = [];
    const skip = (line: number) => {
      asked.push(line);
      return line === 1 || line === 4;
    };
    for (const line of fileLines(file, { skip })) read.push(line);
    expect(read).toEqual(["zero", null, "two", `x${long}`, null]);
    expect(asked).toEqual([0, 1, 2, 3, 4]);
  });
});

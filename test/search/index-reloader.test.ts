import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CorpusError } from "../../src/corpus/corpus-error.js";
import {
  describeReloadFailure,
  IndexReloader,
  watchCorpus,
} from "../../src/search/index-reloader.js";

/** A stand-in for a serving index: its passages, and which build made it. */
interface Served {
  passages: number;
  build: number;
}

/** A builder whose builds end when the test says so, each with one more passage. */
function controlledBuilder() {
  const pending: Array<{ resolve: (value: Served) => void; reject: (error: unknown) => void }> = [];
  let builds = 0;
  let running = 0;
  let mostAtOnce = 0;
  const build = () =>
    new Promise<Served>((resolve, reject) => {
      builds += 1;
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      const number = builds;
      pending.push({
        resolve: () => {
          running -= 1;
          resolve({ passages: 10 + number, build: number });
        },
        reject: (error) => {
          running -= 1;
          reject(error);
        },
      });
    });
  return {
    build,
    get builds() {
      return builds;
    },
    get mostAtOnce() {
      return mostAtOnce;
    },
    /** Ends the oldest build still running. */
    finish(error?: unknown) {
      const next = pending.shift();
      if (!next) throw new Error("no build is running");
      if (error === undefined) next.resolve({ passages: 0, build: 0 });
      else next.reject(error);
    },
    get waiting() {
      return pending.length;
    },
  };
}

function logger() {
  const lines: string[] = [];
  return {
    lines,
    info: (message: string) => lines.push(`info ${message}`),
    warn: (message: string) => lines.push(`warn ${message}`),
  };
}

function reloaderWith(builder: ReturnType<typeof controlledBuilder>, debounceMs = 20) {
  const log = logger();
  const reloader = new IndexReloader<Served>({
    current: { passages: 10, build: 0 },
    build: builder.build,
    passagesOf: (served) => served.passages,
    logger: log,
    debounceMs,
  });
  return { reloader, log };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("IndexReloader", () => {
  it("serves the old value while building and swaps the new one in when the build ends", async () => {
    const builder = controlledBuilder();
    const { reloader, log } = reloaderWith(builder);
    const done = reloader.reload("SIGHUP");
    await flush();
    expect(reloader.building).toBe(true);
    expect(reloader.current.build).toBe(0);
    builder.finish();
    const outcome = await done;
    expect(outcome).toMatchObject({ kind: "swapped", before: 10, after: 11 });
    expect(reloader.current.build).toBe(1);
    expect(reloader.building).toBe(false);
    expect(log.lines).toEqual([
      expect.stringMatching(/^info Reload \(SIGHUP\): 10 → 11 passages in \d+ ms$/),
    ]);
  });

  it("builds one at a time: changes asked for during a build cost one more build after it", async () => {
    const builder = controlledBuilder();
    const { reloader } = reloaderWith(builder);
    const first = reloader.reload("SIGHUP");
    await flush();
    const second = reloader.reload("SIGHUP");
    const third = reloader.reload("corpus changed");
    await flush();
    expect(builder.waiting).toBe(1);
    builder.finish();
    await vi.waitFor(() => expect(builder.waiting).toBe(1));
    expect(reloader.current.build).toBe(1);
    builder.finish();
    await Promise.all([first, second, third]);
    expect(builder.builds).toBe(2);
    expect(builder.mostAtOnce).toBe(1);
    expect(reloader.current.build).toBe(2);
  });

  it("keeps the old value when a build fails, and logs the file and why in one line", async () => {
    const builder = controlledBuilder();
    const { reloader, log } = reloaderWith(builder);
    const done = reloader.reload("SIGHUP");
    await flush();
    builder.finish(
      new CorpusError([
        {
          file: "news/broken.md",
          fault: "front-matter-missing",
          message: "no front matter\nat line 1",
        },
      ]),
    );
    expect(await done).toEqual({
      kind: "kept",
      reason: "news/broken.md: no front matter at line 1",
    });
    expect(reloader.current.build).toBe(0);
    expect(log.lines).toEqual([
      "warn Reload (SIGHUP): kept the old index (10 passages): news/broken.md: no front matter at line 1",
    ]);
    // The next good build still swaps.
    const again = reloader.reload("SIGHUP");
    await flush();
    builder.finish();
    expect(await again).toMatchObject({ kind: "swapped", before: 10 });
  });

  it("debounces changes: a burst of them is one build", async () => {
    const builder = controlledBuilder();
    const { reloader } = reloaderWith(builder, 30);
    for (let i = 0; i < 5; i++) reloader.changed();
    await vi.waitFor(() => expect(builder.waiting).toBe(1), { timeout: 5_000 });
    builder.finish();
    await vi.waitFor(() => expect(reloader.current.build).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(builder.builds).toBe(1);
  });

  it("close() drops a pending debounced reload", async () => {
    const builder = controlledBuilder();
    const { reloader } = reloaderWith(builder, 30);
    reloader.changed();
    reloader.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(builder.builds).toBe(0);
  });
});

describe("describeReloadFailure", () => {
  it("names every bad file, or gives the error's message, in one line", () => {
    const error = new CorpusError([
      { file: "a.md", fault: "body-empty", message: "the body is empty" },
      { file: "b.md", fault: "date-invalid", message: "published is not a date" },
    ]);
    expect(describeReloadFailure(error)).toBe(
      "a.md: the body is empty; b.md: published is not a date",
    );
    expect(describeReloadFailure(new Error("Index: build\nfailed"))).toBe("Index: build failed");
  });
});

describe("watchCorpus", () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it("tells the reloader of a new article file and skips hidden temporary files", async () => {
    dir = mkdtempSync(join(tmpdir(), "watch-corpus-"));
    const seen: string[] = [];
    const warnings: string[] = [];
    const stop = watchCorpus(
      dir,
      { changed: (why) => seen.push(why ?? "") },
      { warn: (line) => warnings.push(line) },
    );
    try {
      writeFileSync(join(dir, ".123-1.adding"), "half");
      writeFileSync(join(dir, "001_new.md"), "---\n---\n");
      await vi.waitFor(() => expect(seen.some((why) => why.includes("001_new.md"))).toBe(true), {
        timeout: 5_000,
      });
      expect(seen.some((why) => why.includes(".adding"))).toBe(false);
      expect(warnings).toEqual([]);
    } finally {
      stop();
    }
  });

  it("warns and goes on when the folder cannot be watched: SIGHUP still reloads", () => {
    const warnings: string[] = [];
    const stop = watchCorpus(
      "/nonexistent-corpus",
      { changed: () => {} },
      {
        warn: (line) => warnings.push(line),
      },
    );
    stop();
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Reload: cannot watch \/nonexistent-corpus \(.*ENOENT.*\); SIGHUP still reloads$/,
      ),
    ]);
  });
});

import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CorpusError } from "../../src/corpus/corpus-error.js";
import { replyToJson } from "../../src/format/reply-json.js";
import { digestOf } from "../../src/news/digest.js";
import { newsDataFor } from "../../src/requests/news-data-for.js";
import { routeRequest } from "../../src/requests/route-request.js";
import { prepareServingIndex } from "../../src/requests/serving-index.js";
import { ServingThread, ServingThreadError } from "../../src/requests/serving-thread.js";
import { openIndex } from "../../src/search/index-store.js";
import { SNAPSHOT_FILE, snapshotRequests } from "./desk-snapshot.js";

// The bot serves its index from a thread of its own. What comes back from there must be what the
// desk replies in process (the recorded snapshot of the four articles), and the thread must fail
// loudly, never hang: a deadline per request, a crash reported, a retired thread refusing.

const settings = (corpusDir: string) => ({
  corpusDir,
  indexFile: "/nonexistent/index.ndjson",
  maxArticleBytes: 8 * 1024 * 1024,
});
const quiet = { warn: () => {}, requestDeadlineMs: 30_000 };

/** A thread over the small fixture corpus, and the unexpected exits it reports. */
async function openRecordingExits() {
  const exits: string[] = [];
  const thread = await ServingThread.open(settings("test/fixtures/corpus"), {
    ...quiet,
    onUnexpectedExit: (_thread, why) => exits.push(why),
  });
  return { thread, exits };
}

/** Stops the thread's worker from outside, as a crash or an out-of-memory kill would. */
const crash = (thread: ServingThread) =>
  (thread as unknown as { worker: Worker }).worker.terminate();

describe("a serving thread over the project's four articles", () => {
  let thread: ServingThread;
  beforeAll(async () => {
    thread = await ServingThread.open(settings("corpus"), quiet);
  }, 60_000);
  afterAll(() => thread?.retire());

  it("replies to every request as the desk does in process (the recorded snapshot)", async () => {
    const recorded = JSON.parse(readFileSync(SNAPSHOT_FILE, "utf8")) as Record<string, unknown>;
    for (const request of snapshotRequests()) {
      const reply = replyToJson(await thread.ask(routeRequest(request), "/ask")) as {
        kind: string;
        examples?: unknown;
      };
      // Help shows the examples the bot suggests; the snapshot's answerer was made without them.
      if (reply.kind === "help") {
        expect(reply.examples).toEqual(thread.summary.examples);
        reply.examples = [];
      }
      expect({ request, reply }).toEqual({ request, reply: recorded[request] });
    }
  }, 60_000);

  it("tells the main thread what it serves: passages, examples, counts and article ids", async () => {
    const { index } = await openIndex(settings("corpus"), { warn: () => {} });
    const here = prepareServingIndex(index);
    expect(thread.passages).toBe(index.passages.length);
    expect(thread.summary).toMatchObject({
      examples: here.examples,
      stats: here.stats,
      source: "corpus",
    });
    const ids = newsDataFor(index).articles.map((a) => a.id);
    expect(thread.articleIds).toEqual(ids);
    expect(thread.has(ids[0] as string)).toBe(true);
    expect(thread.has("no-such-article")).toBe(false);
    const batch = new Set(ids.slice(0, 2));
    expect(await thread.digest(batch)).toEqual(digestOf(newsDataFor(index), batch));
  }, 60_000);
});

describe("a serving thread failing", () => {
  it("rejects its opening as openIndex does: a corpus that cannot be read is a CorpusError", async () => {
    const opening = ServingThread.open(settings("/nonexistent-corpus"), quiet);
    await expect(opening).rejects.toBeInstanceOf(CorpusError);
    await expect(opening).rejects.toThrow("/nonexistent-corpus");
  }, 60_000);

  it("reports a bad corpus file from the serving thread as a CorpusError naming the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "serving-thread-"));
    try {
      await writeFile(join(dir, "broken.md"), "no front matter");
      const failed = await ServingThread.open(settings(dir), quiet).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(CorpusError);
      expect((failed as CorpusError).message).toContain("broken.md");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("gives a request up at its deadline", async () => {
    const thread = await ServingThread.open(settings("test/fixtures/corpus"), {
      ...quiet,
      requestDeadlineMs: 5,
    });
    try {
      // Asked all at once, the last wait behind the first far longer than 5 ms.
      const asked = Array.from({ length: 300 }, (_, i) =>
        thread.ask(routeRequest(`what did the minister say about aid convoy ${i}`), "/ask"),
      );
      const outcomes = await Promise.allSettled(asked);
      const late = outcomes.filter((o) => o.status === "rejected");
      expect(late.length).toBeGreaterThan(0);
      for (const o of late) expect(String(o.reason)).toContain("did not answer within 5 ms");
    } finally {
      await thread.retire();
    }
  }, 60_000);

  it("answers what it was asked before it retires, then refuses, and its exit is no surprise", async () => {
    const { thread, exits } = await openRecordingExits();
    const asked = thread.ask(routeRequest("sources"), "/ask");
    const retired = thread.retire();
    expect((await asked).kind).toBe("sources");
    await retired;
    await expect(thread.ask(routeRequest("sources"), "/ask")).rejects.toBeInstanceOf(
      ServingThreadError,
    );
    expect(exits).toEqual([]);
  }, 60_000);

  it("reports an exit nobody asked for, and fails what was waiting for it at once", async () => {
    const { thread, exits } = await openRecordingExits();
    const asked = thread.ask(routeRequest("who granted asylum"), "/ask");
    await crash(thread);
    await expect(asked).rejects.toBeInstanceOf(ServingThreadError);
    expect(exits).toEqual([expect.stringContaining("exited")]);
    await expect(thread.ask(routeRequest("sources"), "/ask")).rejects.toThrow("exited");
  }, 60_000);
});

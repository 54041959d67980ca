// The replies the desk gives on the project's four articles, recorded so a change to how the news
// data is built (or where) is proved not to change what anyone reads. `npx tsx
// test/requests/desk-snapshot.ts --write` records them anew; only do that for a change meant to
// alter replies.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { replyToJson } from "../../src/format/reply-json.js";
import { DESK_DERIVATION, DeskData } from "../../src/requests/desk-data.js";
import { answererFor } from "../../src/requests/request-answerer.js";
import { routeRequest } from "../../src/requests/route-request.js";
import { openIndex, writePrebuiltIndex } from "../../src/search/index-store.js";

export const SNAPSHOT_FILE = "test/fixtures/desk-snapshot/replies.json";

const NEWS_REQUESTS = [
  "timeline",
  "timeline asylum",
  "timeline putin",
  "timeline moscow",
  "timeline airbase",
  "sources",
  "who peskov",
  "who ulyanov",
  "who lavrov",
  "who putin",
  "who assad",
  "who polyansky",
  "who dmitry",
  "who shelled the city",
];

/** Every request the snapshot holds: the news views, then each question of the project's eval set. */
export function snapshotRequests(): string[] {
  const set = JSON.parse(readFileSync("test/eval/questions.json", "utf8")) as Record<
    string,
    unknown
  >;
  const questions = Object.values(set).flatMap((v) =>
    Array.isArray(v) ? v.map((q: { q: string }) => q.q) : [],
  );
  return [...NEWS_REQUESTS, ...questions];
}

/**
 * The JSON reply to each request, over the articles in `corpus/`: built from the corpus, or read
 * from a prebuilt index file written first (with the news reading and suggestions stored in it).
 */
export async function snapshotReplies(
  from: "corpus" | "prebuilt" = "corpus",
): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "desk-snapshot-"));
  const settings = {
    corpusDir: "corpus",
    indexFile: join(dir, "index.ndjson"),
    maxArticleBytes: 8 * 1024 * 1024,
  };
  try {
    if (from === "prebuilt") await writePrebuiltIndex(settings, { derive: DESK_DERIVATION });
    const opened = await openIndex(settings, { derive: DESK_DERIVATION });
    if (opened.source !== from) throw new Error(`desk snapshot: index from ${opened.source}`);
    if (!(opened.index.derived instanceof DeskData))
      throw new Error("desk snapshot: the news reading did not come with the index");
    const ask = answererFor(opened.index);
    const replies: Record<string, unknown> = {};
    for (const request of snapshotRequests())
      replies[request] = replyToJson(ask(routeRequest(request), "/ask"));
    return replies;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--write")) {
  writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(await snapshotReplies(), null, 2)}\n`);
  // In the layout `npm run lint` checks, so a recorded snapshot passes CI as written.
  spawnSync("npx", ["biome", "format", "--write", SNAPSHOT_FILE], { stdio: "inherit" });
}

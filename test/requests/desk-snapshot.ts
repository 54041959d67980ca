// The replies the desk gives on the project's four articles, recorded so a change to how the news
// data is built (or where) is proved not to change what anyone reads. `npx tsx
// test/requests/desk-snapshot.ts --write` records them anew; only do that for a change meant to
// alter replies.
import { readFileSync, writeFileSync } from "node:fs";
import { replyToJson } from "../../src/format/news-json.js";
import { answererFor } from "../../src/requests/request-answerer.js";
import { routeRequest } from "../../src/requests/route-request.js";
import { openIndex } from "../../src/search/index-store.js";

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

/** The JSON reply to each request, over the articles in `corpus/`, built from the corpus. */
export async function snapshotReplies(): Promise<Record<string, unknown>> {
  const { index } = await openIndex({
    corpusDir: "corpus",
    indexFile: "/nonexistent/desk-snapshot-index",
    maxArticleBytes: 8 * 1024 * 1024,
  });
  const ask = answererFor(index);
  const replies: Record<string, unknown> = {};
  for (const request of snapshotRequests())
    replies[request] = replyToJson(ask(routeRequest(request), "/ask"));
  return replies;
}

if (process.argv.includes("--write")) {
  writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(await snapshotReplies(), null, 1)}\n`);
}

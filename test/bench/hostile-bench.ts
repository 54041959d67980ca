// `npm run bench -- --hostile [--sizes real,10k]`: how long the bot takes to reply to the messages
// that froze it (issue 20) and to long questions it still reads, end to end from Slack's text to
// the Block Kit reply (router, markup, normaliser, search, answer, rendering), on the real corpus
// and on synthetic ones. The target: any message up to Slack's 40,000 characters under 100 ms.

import { answererFor } from "../../src/requests/request-answerer.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";
import { replyAtOnce } from "../../src/slack/reply-for.js";
import { FREEZING_MESSAGES } from "../support/hostile-text.js";
import { realisticPassages } from "./synthetic-corpus.js";

const SIZES: Record<string, number> = { "10k": 10_000, "100k": 100_000 };

/** Messages a person could send, each at the longest the bot still reads or past it. */
function messages(): [string, string][] {
  const named: [string, string][] = FREEZING_MESSAGES.map((text) => [
    `${JSON.stringify(text.slice(0, 10))}… (${text.length})`,
    text,
  ]);
  const words = Array.from({ length: 330 }, (_, i) => `word${i}`).join(" ");
  named.push(["330 distinct words (1,999)", words.slice(0, 1_999)]);
  named.push(["'asylum ' × 285 (1,995)", "asylum ".repeat(285)]);
  named.push(["'*_ ' × 666 then x (1,999)", `${"*_ ".repeat(666)}x`]);
  return named;
}

/** The fastest of `rounds` calls, in ms: noise only ever adds. */
function fastest(read: () => unknown, rounds: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    read();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export async function main(args: string[]): Promise<void> {
  const at = args.indexOf("--sizes");
  const sizes = (at >= 0 ? args[at + 1] : undefined)?.split(",") ?? ["real", "10k"];
  const base = await buildIndexFromCorpus(process.env.CORPUS_DIR ?? "corpus");
  const rows = messages();
  const columns: number[][] = [];
  for (const size of sizes) {
    const count = size === "real" ? base.passages.length : SIZES[size];
    if (count === undefined) throw new Error(`bench: unknown size ${size} (real, 10k, 100k)`);
    const index =
      size === "real" ? base : buildPassageIndex(realisticPassages(base.passages, count));
    const ask = answererFor(index, { cacheSize: 0 });
    const reply = (text: string) => replyAtOnce(text, ask, { commandName: "/ask", feedback: true });
    reply("who granted asylum");
    columns.push(rows.map(([, text]) => fastest(() => reply(text), 5)));
  }
  console.log("\n## Hostile and long messages: reply time, fastest of 5 (ms)\n");
  console.log(`| message | ${sizes.join(" | ")} |`);
  console.log(`|---|${sizes.map(() => "---").join("|")}|`);
  rows.forEach(([name], i) => {
    console.log(`| ${name} | ${columns.map((c) => (c[i] as number).toFixed(1)).join(" | ")} |`);
  });
}

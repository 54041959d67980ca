// What the tests of reading a prebuilt file back start from: synthetic passages made from the
// fixture articles, indexed with the desk's data and written as `npm run index` writes them; and
// the replies an answerer gives, as JSON, to compare two reads of one file.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { replyToJson } from "../../src/format/reply-json.js";
import { deriveFrom, storeDerived } from "../../src/requests/desk-data.js";
import { answererFor } from "../../src/requests/request-answerer.js";
import { routeRequest } from "../../src/requests/route-request.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { buildPassageIndex, type PassageIndex } from "../../src/search/passage-index.js";
import { writeIndexFile } from "../../src/search/prebuilt-index.js";
import { syntheticPassages } from "../bench/synthetic-corpus.js";

/**
 * `passages` synthetic passages (by `seed`) indexed with their desk data, and the file they were
 * written to, for the corpus hash `corpus` (also the temporary folder's name).
 */
export async function writtenDeskIndex(
  passages: number,
  seed: number,
  corpus: string,
): Promise<{ fresh: PassageIndex; file: string }> {
  const base = (await buildIndexFromCorpus("test/fixtures/corpus")).passages;
  const fresh = buildPassageIndex(syntheticPassages(base, passages, seed));
  fresh.derived = deriveFrom(fresh);
  const file = join(await mkdtemp(join(tmpdir(), `${corpus}-`)), "index.ndjson");
  await writeIndexFile(fresh, corpus, file, storeDerived(fresh.derived));
  return { fresh, file };
}

/** Each request's reply from `index`, as its JSON, answered afresh (no answer cache). */
export function repliesOf(index: PassageIndex, requests: readonly string[]): unknown[] {
  const ask = answererFor(index, { cacheSize: 0 });
  return requests.map((request) => replyToJson(ask(routeRequest(request), "/ask")));
}

import { describe, expect, it } from "vitest";
import { buildNewsData, type NewsData, type SentenceInfo } from "../../src/news/news-data.js";
import { readNewsData, storeNewsData } from "../../src/news/stored-news-data.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { syntheticPassages } from "../bench/synthetic-corpus.js";

/** A sentence's fields as the views read them (a read-back sentence lists its reports on demand). */
const fieldsOf = (s: SentenceInfo) => ({
  articleId: s.articleId,
  passageId: s.passageId,
  index: s.index,
  text: s.text,
  textId: s.textId,
  attribution: s.attribution,
  date: s.date,
  reportedBy: s.reportedBy,
});

const lookupsOf = (data: NewsData) => ({
  articleById: [...data.articleById.keys()],
  sentencesByPassage: [...data.sentencesByPassage].map(([id, list]) => [id, list.map(fieldsOf)]),
  saidBy: [...data.saidBy].map(([key, list]) => [key, list.map(fieldsOf)]),
  peopleByKey: [...data.peopleByKey.keys()],
  timeline: data.timeline.map(fieldsOf),
  sameClaim: data.sameClaim,
  datedStems: [...data.datedStems].map(([id, stems]) => [id, [...stems]]),
});

async function repeatedCorpus() {
  // Synthetic articles reuse the fixture's sentences: the same text in many articles, as wire copy.
  const base = (await buildIndexFromCorpus("test/fixtures/corpus")).passages;
  return syntheticPassages(base, 600, 11);
}

describe("the stored news reading", () => {
  it("reads back every sentence, who else reports it, and every lookup the views read", async () => {
    const passages = await repeatedCorpus();
    const built = buildNewsData(passages);
    expect(built.sentences.some((s) => s.reportedBy.length > 5)).toBe(true);
    const read = readNewsData(storeNewsData(built), passages);
    if (read === null) throw new Error("did not read back");
    expect(read.sentences.map(fieldsOf)).toEqual(built.sentences.map(fieldsOf));
    expect(lookupsOf(read)).toEqual(lookupsOf(built));
    expect(read.articles).toEqual(built.articles);
    expect(read.people).toEqual(built.people);
    expect(read.agencies).toEqual(built.agencies);
  });

  it("stores who else reports a claim once per text, not once per sentence", async () => {
    const passages = await repeatedCorpus();
    const built = buildNewsData(passages);
    const perSentence = built.sentences.reduce((sum, s) => sum + s.reportedBy.length, 0);
    const stored = JSON.stringify(storeNewsData(built));
    // Every article id listed per sentence would take more than the whole stored reading.
    expect(perSentence * '"synthetic-article-00"'.length).toBeGreaterThan(stored.length);
  });

  it("keeps a sentence's own list where it is not its text's reporting articles less its own", async () => {
    const passages = await repeatedCorpus();
    const built = buildNewsData(passages);
    const odd = built.sentences.find((s) => s.reportedBy.length > 1) as SentenceInfo;
    odd.reportedBy = [...odd.reportedBy].reverse();
    const read = readNewsData(storeNewsData(built), passages);
    expect(read?.sentences.map(fieldsOf)).toEqual(built.sentences.map(fieldsOf));
  });

  it("reads from the lines' JSON text, and only the passages asked for when told", async () => {
    const passages = await repeatedCorpus();
    const built = buildNewsData(passages);
    const text = storeNewsData(built).map((line) => JSON.stringify(line));
    const whole = readNewsData(text, passages);
    if (whole === null) throw new Error("did not read back");
    expect(lookupsOf(whole)).toEqual(lookupsOf(built));

    const wanted = [passages[3], passages[250], passages.at(-1)].map((p) => p?.id as string);
    const part = readNewsData(text, passages, new Set(wanted));
    if (part === null) throw new Error("did not read back in part");
    expect([...part.sentencesByPassage.keys()]).toEqual(wanted);
    for (const id of wanted)
      expect(part.sentencesByPassage.get(id)?.map(fieldsOf)).toEqual(
        built.sentencesByPassage.get(id)?.map(fieldsOf),
      );
    expect(part.sentences.map(fieldsOf)).toEqual(
      built.sentences.filter((s) => wanted.includes(s.passageId)).map(fieldsOf),
    );
    // The lists of the header are whole, those read on first use too.
    expect(part.articles).toEqual(built.articles);
    expect(part.people).toEqual(built.people);
    expect(part.sameClaim).toEqual(built.sameClaim);
    expect([...part.datedStems]).toEqual([...built.datedStems]);
  });

  it("is not read from lines of another layout", async () => {
    const passages = await repeatedCorpus();
    const lines = storeNewsData(buildNewsData(passages));
    expect(
      readNewsData([{ kind: "news", passages: lines.length - 1 }, ...lines.slice(1)], passages),
    ).toBeNull();
    expect(readNewsData(lines.slice(0, -1), passages)).toBeNull();
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load-corpus.js";
import { buildNewsData, type NewsData } from "../../src/news/news-data.js";
import { newsFieldsOf } from "../../src/news/news-fields.js";
import { listSources } from "../../src/news/sources.js";
import { buildTimeline } from "../../src/news/timeline.js";
import { whoSaid } from "../../src/news/who.js";
import type { Passage } from "../../src/passages/passage.js";
import { splitIntoPassages } from "../../src/passages/split-passages.js";

// A small corpus about another event (a dam breach), with an undated and unattributed article:
// nothing in the news code may know the project's story.
let data: NewsData;
let passages: Passage[];

beforeAll(async () => {
  const articles = await loadCorpus("test/fixtures/other-event");
  passages = articles.flatMap(splitIntoPassages);
  data = buildNewsData(passages);
});

describe("the news desk on another event", () => {
  it("lists every article with its outlet or whom it cites, and a given or inferred date", () => {
    expect(listSources(data)).toEqual([
      {
        title: "Dam Breach Floods Three Villages in the Korvel Valley",
        outlet: "Valley Courier",
        published: "2019-05-14",
        inferred: false,
        url: "https://courier.example/2019/05/14/korvel-dam",
        passages: 5,
        cites: { agencies: ["Nordpress"], people: ["Lena Marsh"] },
      },
      {
        title: "Rescue teams reached the flooded villages on Tuesday, Nordpress reported,…",
        outlet: "unattributed, citing Nordpress",
        published: "2019-05-14",
        inferred: true,
        url: null,
        passages: 4,
        cites: { agencies: ["Nordpress"], people: ["Lena Marsh"] },
      },
      {
        title: "Deputy Minister Says the Korvel Dam Passed Its Last Inspection",
        outlet: "unattributed, citing Eastwire",
        published: null,
        inferred: false,
        url: null,
        passages: 3,
        cites: { agencies: ["Eastwire"], people: ["Paul Orrin"] },
      },
    ]);
  });

  it("orders the dated events, each once, with inferred dates marked", () => {
    const events = buildTimeline(data);
    expect(events.map((e) => e.date)).toEqual(["2011", "2019-05-09", "2019-05-13", "2019-05-14"]);
    expect(
      events.every((e, i) => i === 0 || (events[i - 1] as { date: string }).date <= e.date),
    ).toBe(true);
    expect(events[2]).toMatchObject({ inferred: false, outlet: "Valley Courier" });
  });

  it("keeps only the events that match the words", () => {
    const events = buildTimeline(data, "rescue villages");
    expect(events).toHaveLength(1);
    expect(events[0]?.text).toMatch(/^Rescue teams reached/);
  });

  it("gives a person's role and each distinct statement with who else reports it", () => {
    const marsh = whoSaid(data, "marsh");
    expect(marsh).toMatchObject({ name: "Lena Marsh", role: "interior ministry spokeswoman" });
    expect(marsh.quotes.map((q) => q.text)).toEqual([
      expect.stringMatching(/^“We have evacuated/),
      expect.stringMatching(/^Rescue teams reached the flooded villages on Tuesday, Marsh said/),
      expect.stringMatching(/^The ministry's spokeswoman added/),
    ]);
    expect(marsh.quotes[0]).toMatchObject({
      via: ["Nordpress"],
      reportedBy: [{ outlet: "unattributed, citing Nordpress", url: null }],
    });
    expect(marsh.quotes[2]?.reportedBy).toEqual([]);
    expect(whoSaid(data, "orrin").quotes.map((q) => q.text)).toContain(
      "“The structure passed every test,” Orrin wrote on social media.",
    );
  });

  it("gives a question's result its speaker, relay and corroborating articles", () => {
    const passage = passages.find((p) => p.text.startsWith("“More than four thousand"));
    if (!passage) throw new Error("fixture passage missing");
    const fields = newsFieldsOf(data, passage);
    expect(fields).toMatchObject({
      speaker: "Lena Marsh, interior ministry spokeswoman",
      via: ["Nordpress"],
      reportedBy: [
        {
          title: "Dam Breach Floods Three Villages in the Korvel Valley",
          outlet: "Valley Courier",
          url: "https://courier.example/2019/05/14/korvel-dam",
        },
      ],
    });
  });
});

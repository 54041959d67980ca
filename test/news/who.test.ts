import { describe, expect, it } from "vitest";
import { personKey } from "../../src/news/people.js";
import { listSources } from "../../src/news/sources.js";
import { MENTIONS_SHOWN, prepareMentions, prepareWhoReports, whoSaid } from "../../src/news/who.js";
import { newsOf } from "./news-fixture.js";

// A flood in a valley town: a governor who is named and never quoted, a spokesman spelt two ways.
const data = newsOf([
  {
    id: "a",
    title: "Valley floods",
    outlet: "Valley Courier",
    url: "https://courier.example/flood",
    paragraphs: [
      "Regional Governor Anton Velsky ordered the evacuation of the lower town.",
      "“The water is still rising,” civil defence spokesman Ilya Morozyansky said.",
      "The Marshalls' farm was the first to flood.",
    ],
  },
  {
    id: "b",
    title: "Evacuation ordered",
    outlet: "Plains Herald",
    paragraphs: [
      "Governor Velsky ordered the evacuation of the lower town.",
      "“Boats are on their way,” civil defence spokesman Ilya Morozanski said.",
      "Velsky is expected to visit the shelters on Friday.",
    ],
  },
]);

describe("whoSaid", () => {
  it("gives a person named but never quoted their role and the passages naming them, with sources", () => {
    const report = whoSaid(data, "velsky");
    expect(report).toMatchObject({ found: true, name: "Anton Velsky", quotes: [] });
    expect(report.role).toMatch(/Governor$/);
    // The evacuation order is one claim in two articles: one mention, reported by both.
    expect(report.mentions.map((m) => [m.text, m.outlet])).toEqual([
      [
        "Regional Governor Anton Velsky ordered the evacuation of the lower town.",
        "Valley Courier",
      ],
      ["Velsky is expected to visit the shelters on Friday.", "Plains Herald"],
    ]);
    expect(report.mentions[0]?.reportedBy.map((r) => r.outlet)).toEqual(["Plains Herald"]);
    expect(report.mentions[0]?.url).toBe("https://courier.example/flood");
    expect(report.mentionTotal).toBe(2);
  });

  it("makes one person of two transliterations of a name, in who and in the sources", () => {
    expect(personKey("Morozyansky")).toBe(personKey("Morozanski"));
    const one = whoSaid(data, "Morozyansky");
    const other = whoSaid(data, "morozanski");
    expect(one).toEqual(other);
    expect(one.quotes.map((q) => q.text)).toEqual([
      "“The water is still rising,” civil defence spokesman Ilya Morozyansky said.",
      "“Boats are on their way,” civil defence spokesman Ilya Morozanski said.",
    ]);
    // The sentences that quote them are statements, not mentions.
    expect(one.mentions).toEqual([]);
    const cited = listSources(data).map((s) => s.cites.people);
    expect(cited).toEqual([[one.name], [one.name]]);
  });

  it("counts a whole name only: a longer word that starts with it is no mention", () => {
    const marsh = newsOf([
      {
        id: "c",
        paragraphs: [
          "Mayor Ida Marsh said the dikes held.",
          "The Marshalls' farm flooded.",
          "Marsh's office stayed open.",
          "The LaMarsh report came later.",
          "Pro-Marsh crowds gathered at the dike.",
        ],
      },
    ]);
    // Found through the index of capitalised words: a name inside a longer word is not one.
    expect(whoSaid(marsh, "marsh").mentions.map((m) => m.text)).toEqual([
      "Marsh's office stayed open.",
      "Pro-Marsh crowds gathered at the dike.",
    ]);
  });

  it("shows the first mentions and counts them all", () => {
    const many = newsOf([
      {
        id: "d",
        paragraphs: [
          "Mayor Ida Marsh said the dikes held.",
          "Marsh toured the harbour.",
          "The council thanked Marsh.",
          "Marsh met the fire brigade.",
          "Reporters followed Marsh to the bridge.",
          "Marsh closed the schools.",
          "Farmers wrote to Marsh about the fields.",
          "Marsh opened a relief fund.",
          "Marsh flew over the valley.",
        ],
      },
    ]);
    const report = whoSaid(many, "marsh");
    expect(report.mentions.map((m) => m.text)).toEqual([
      "Marsh toured the harbour.",
      "The council thanked Marsh.",
      "Marsh met the fire brigade.",
      "Reporters followed Marsh to the bridge.",
      "Marsh closed the schools.",
    ]);
    expect(report.mentions).toHaveLength(MENTIONS_SHOWN);
    expect(report.mentionTotal).toBe(8);
  });

  it("finds the mentions of a hyphenated name through its capitalised part, each name whole only", () => {
    const hyphen = newsOf([
      {
        id: "e",
        paragraphs: [
          "Minister Omar al-Rashidi said the bridge would reopen.",
          "Crowds waited for al-Rashidi at the bridge.",
          "The Rashidi family farm lies upstream.",
          "Critics of al-Rashidis policies gathered outside.",
          "Engineers briefed al-Rashidi on the repairs.",
        ],
      },
    ]);
    const report = whoSaid(hyphen, "al-rashidi");
    expect(report.found).toBe(true);
    expect(report.mentions.map((m) => m.text)).toEqual([
      "Crowds waited for al-Rashidi at the bridge.",
      "The Rashidi family farm lies upstream.",
      "Engineers briefed al-Rashidi on the repairs.",
    ]);
    expect(report.mentionTotal).toBe(3);
  });

  it("groups the same mentions alike when asked again (the grouping's scratch is reset)", () => {
    const first = whoSaid(data, "velsky");
    whoSaid(data, "morozyansky");
    expect(whoSaid(data, "velsky")).toEqual(first);
  });

  it("reports alike whether the index of names to sentences was prepared (the bot) or not (one CLI who)", () => {
    const reading = newsOf([
      {
        id: "f",
        paragraphs: [
          "Mayor Ida Marsh said the dikes held.",
          "Minister Omar al-Rashidi toured the Marshlands with Marsh.",
          "“We will rebuild,” al-Rashidi said.",
          "Marshall Fields and al-Rashidis aides met Marsh-Evans.",
          "The Rashidi family thanked Ida Marsh.",
        ],
      },
    ]);
    const names = reading.people.flatMap((p) => [p.name, ...p.variants]);
    expect(names.length).toBeGreaterThan(2);
    const unprepared = names.map((name) => whoSaid(reading, name));
    prepareMentions(reading);
    expect(names.map((name) => whoSaid(reading, name))).toEqual(unprepared);
    expect(unprepared.some((report) => report.mentionTotal > 0)).toBe(true);
    // Every report made ahead (the bot, before serving): the same reports, made once and shared.
    prepareWhoReports(reading);
    const prepared = names.map((name) => whoSaid(reading, name));
    expect(prepared).toEqual(unprepared);
    expect(whoSaid(reading, names[0] as string)).toBe(prepared[0]);
  });
});

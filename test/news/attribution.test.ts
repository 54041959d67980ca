import { describe, expect, it } from "vitest";
import { speakerLabel } from "../../src/news/speaker-label.js";
import { newsOf, sentenceStarting } from "./news-fixture.js";

const data = newsOf([
  {
    id: "a",
    published: "2019-05-14",
    outlet: "Valley Courier",
    paragraphs: [
      "“We have evacuated four thousand people,” interior ministry spokeswoman Lena Marsh told reporters, according to the Nordpress news agency.",
      "Marsh said the water was falling. “It will take weeks,” she added.",
      "Earlier, the state news agency Nordpress, citing a ministry source, reported that the dam had cracked.",
      "The Interior Ministry said the villages were empty.",
      "“The structure passed every test,” said Paul Orrin, as reported by Eastwire.",
    ],
  },
  {
    id: "b",
    paragraphs: [
      "The ministry's spokeswoman declined to say when residents could return.",
      "Eastwire notes that the ministry's spokeswoman refused to comment on the cause.",
    ],
  },
]);

const speakerOf = (start: string) =>
  speakerLabel(sentenceStarting(data, start).attribution.speaker, data.people);

describe("attribution", () => {
  it("finds the speaker of a quote before the verb, with role and relay", () => {
    const s = sentenceStarting(data, "“We have evacuated");
    expect(speakerLabel(s.attribution.speaker, data.people)).toBe(
      "Lena Marsh, interior ministry spokeswoman",
    );
    expect(s.attribution.via).toEqual(["Nordpress"]);
  });

  it("finds the speaker after the verb (said X, as reported by Y)", () => {
    const s = sentenceStarting(data, "“The structure");
    expect(speakerLabel(s.attribution.speaker, data.people)).toMatch(/^Paul Orrin/);
    expect(s.attribution.via).toEqual(["Eastwire"]);
  });

  it("resolves she to the person speaking before", () => {
    expect(speakerOf("“It will take weeks")).toMatch(/^Lena Marsh/);
  });

  it("gives a nested relay's inner source as speaker, the agency as via", () => {
    const s = sentenceStarting(data, "Earlier, the state news agency");
    expect(s.attribution.speaker).toEqual({ kind: "anonymous", name: "a ministry source" });
    expect(s.attribution.via).toEqual(["Nordpress"]);
  });

  it("names a body as speaker", () => {
    expect(speakerOf("The Interior Ministry said")).toBe("the Interior Ministry");
  });

  it("resolves a role phrase to the one person with that role, in another article too", () => {
    expect(speakerOf("The ministry's spokeswoman declined")).toMatch(/^Lena Marsh/);
    const relayed = sentenceStarting(data, "Eastwire notes");
    expect(speakerLabel(relayed.attribution.speaker, data.people)).toMatch(/^Lena Marsh/);
    expect(relayed.attribution.via).toEqual(["Eastwire"]);
  });
});

import { describe, expect, it } from "vitest";
import { citedPassage, newsFieldsOf } from "../../src/news/news-fields.js";
import { newsOf, passagesOf, type TinyArticle } from "./news-fixture.js";

const ARTICLES: TinyArticle[] = [
  {
    id: "gazette",
    title: "Valley Evacuated as River Rises",
    outlet: "Harbour Gazette",
    url: "https://gazette.example/valley",
    published: "2022-04-11",
    paragraphs: [
      "Governor Ana Ruiz ordered the evacuation of the valley, the news agency Nordpress reported.",
    ],
  },
  {
    id: "wire",
    paragraphs: [
      "The decision to order the evacuation of the valley was made by Governor Ana Ruiz, Nordpress reported.",
      "Schools in the town will stay closed until further notice.",
    ],
  },
];

describe("newsFieldsOf", () => {
  const data = newsOf(ARTICLES);
  const passages = passagesOf(ARTICLES);
  const passage = (start: string) => {
    const found = passages.find((p) => p.text.startsWith(start));
    if (!found) throw new Error(`no passage starts with ${start}`);
    return found;
  };

  it("gives the passage's own article with its labels, and the others that report the claim", () => {
    const fields = newsFieldsOf(data, passage("The decision"), 0);
    expect(fields.source).toMatchObject({
      outlet: "unattributed, citing Nordpress",
      namedOutlet: null,
      url: null,
    });
    expect(fields.source.title).toMatch(/^The decision to order/);
    expect(fields.reportedBy).toEqual([
      {
        title: "Valley Evacuated as River Rises",
        outlet: "Harbour Gazette",
        namedOutlet: "Harbour Gazette",
        url: "https://gazette.example/valley",
        published: "2022-04-11",
        inferred: false,
      },
    ]);
  });

  it("leaves a claim of one article with nobody else reporting it", () => {
    expect(newsFieldsOf(data, passage("Schools"), 0).reportedBy).toEqual([]);
  });

  it("cites a passage from its own fields when the news data lacks it", () => {
    const [lone] = passagesOf([{ id: "lone", paragraphs: ["Roads reopened on Tuesday morning."] }]);
    if (!lone) throw new Error("fixture passage missing");
    expect(citedPassage(lone)).toEqual({
      title: "Roads reopened on Tuesday morning.",
      outlet: "unattributed",
      namedOutlet: null,
      url: null,
      published: null,
      inferred: false,
    });
    expect(newsFieldsOf(data, lone).source).toEqual(citedPassage(lone));
  });
});

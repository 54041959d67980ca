import { describe, expect, it } from "vitest";
import { digestOf } from "../../src/news/digest.js";
import { newsOf, type TinyArticle } from "./news-fixture.js";

// A made-up story: a storm, a harbour, a mayor. Two old articles, then a batch of new ones.
const OLD: TinyArticle[] = [
  {
    id: "old-wire",
    title: "Storm closes the harbour",
    outlet: "Coast Wire",
    url: "https://wire.test/storm",
    published: "2031-03-01",
    paragraphs: [
      "The storm closed the harbour of Port Velda on March 1, 2031, the port authority said.",
      '"We will reopen when the wind drops below gale force," harbour master Ilse Moran said.',
    ],
  },
  {
    id: "old-daily",
    title: "Ferries stay in port",
    outlet: "Velda Daily",
    url: "https://daily.test/ferries",
    published: "2031-03-02",
    paragraphs: [
      "Ferries stayed in port for a second day as the storm went on battering the coast.",
    ],
  },
];

const NEW: TinyArticle[] = [
  {
    id: "new-herald",
    title: "Harbour to reopen on Friday",
    outlet: "Harbour Herald",
    url: "https://herald.test/reopen",
    published: "2031-03-04",
    paragraphs: [
      // Said before, by an old article: not news.
      "The storm closed the harbour of Port Velda on March 1, 2031, the port authority said.",
      "The harbour will reopen to ferries on March 7, 2031, after divers inspect the sea wall.",
      '"The sea wall held better than any of us feared this week," mayor Tomas Reyk told reporters.',
      "Fishermen counted their losses along the quay on Tuesday morning.",
    ],
  },
  {
    id: "new-post",
    title: "Sea wall survives",
    outlet: "Velda Post",
    url: "https://post.test/wall",
    published: "2031-03-05",
    paragraphs: [
      "Engineers found two cracks in the northern sea wall on March 5, 2031, the city said.",
    ],
  },
];

describe("digestOf", () => {
  const news = newsOf([...OLD, ...NEW]);
  const batch = new Set(NEW.map((a) => a.id));

  it("lists the new articles, newest first, with outlet, title, date and link", () => {
    const digest = digestOf(news, batch);
    expect(digest.articles).toEqual([
      {
        id: "new-post",
        title: "Sea wall survives",
        outlet: "Velda Post",
        url: "https://post.test/wall",
        published: "2031-03-05",
      },
      {
        id: "new-herald",
        title: "Harbour to reopen on Friday",
        outlet: "Harbour Herald",
        url: "https://herald.test/reopen",
        published: "2031-03-04",
      },
    ]);
  });

  it("brings up to three statements or events no earlier article carries, a statement among them, one per article first", () => {
    const { highlights } = digestOf(news, batch);
    expect(highlights.length).toBeLessThanOrEqual(3);
    const texts = highlights.map((h) => h.text);
    expect(texts.some((t) => t.startsWith("The storm closed the harbour"))).toBe(false);
    expect(highlights[0]).toMatchObject({
      kind: "event",
      articleId: "new-herald",
      // "on Tuesday morning", dated by the article's own date: the oldest event comes first.
      date: "2031-03-04",
    });
    expect(highlights.map((h) => h.articleId)).toContain("new-post");
    expect(highlights).toHaveLength(3);
    const statement = highlights.find((h) => h.kind === "statement");
    expect(statement?.text).toMatch(/^"The sea wall held/);
    expect(statement?.speaker).toMatch(/Tomas Reyk/);
  });

  it("keeps to the limit asked for, and brings nothing for a batch of nothing", () => {
    expect(digestOf(news, batch, 1).highlights).toHaveLength(1);
    expect(digestOf(news, new Set())).toEqual({ articles: [], highlights: [] });
  });

  it("counts a claim only one new article carries once, even when both bring it", () => {
    const twice = newsOf([
      ...OLD,
      ...NEW,
      {
        id: "new-copy",
        title: "Reopening set",
        outlet: "Copy Desk",
        published: "2031-03-05",
        paragraphs: [
          "The harbour will reopen to ferries on March 7, 2031, after divers inspect the sea wall.",
        ],
      },
    ]);
    const { highlights } = digestOf(twice, new Set([...batch, "new-copy"]));
    const reopen = highlights.filter((h) => h.text.startsWith("The harbour will reopen"));
    expect(reopen).toHaveLength(1);
  });
});

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseFeedsFile, readFeedsFile } from "../../src/ingest/feeds-file.js";

const GOOD = `story: Dockworkers strike at the port
match: [strike, dockworkers]   # an item is kept when its title or text has one
feeds:
  - url: https://quaysidecourier.example/rss/news
    name: The Quayside Courier
  - url: https://harbourledger.example/atom.xml
    match: [port]
`;

describe("parseFeedsFile", () => {
  it("reads the story, its words and each feed, a feed's own match replacing the story's", () => {
    const { list, problems } = parseFeedsFile("feeds.yml", GOOD);
    expect(problems).toEqual([]);
    expect(list).toEqual({
      file: "feeds.yml",
      story: "Dockworkers strike at the port",
      match: ["strike", "dockworkers"],
      feeds: [
        {
          url: "https://quaysidecourier.example/rss/news",
          name: "The Quayside Courier",
          match: ["strike", "dockworkers"],
          line: 4,
        },
        { url: "https://harbourledger.example/atom.xml", name: null, match: ["port"], line: 6 },
      ],
    });
  });

  it("reports every problem as FILE:LINE: message and keeps the good feeds", () => {
    const text = `story: A story
match: [strike]
colour: blue
feeds:
  - url: ftp://files.example/feed
  - name: No Address
  - url: https://user:secret@feeds.example/rss
  - url: https://good.example/rss
    match: []
  - url: https://fine.example/rss
  - url: https://fine.example/rss
    titel: typo
`;
    const { list, problems } = parseFeedsFile("desk/feeds.yml", text);
    expect(problems).toEqual([
      "desk/feeds.yml:3: unknown key 'colour' in the file (known: story, match, feeds)",
      "desk/feeds.yml:5: only http and https URLs are fetched, got ftp:",
      "desk/feeds.yml:6: a feed has no url",
      "desk/feeds.yml:7: a URL with a user or password in it",
      "desk/feeds.yml:9: a feed's match is empty: no item would match",
      "desk/feeds.yml:12: unknown key 'titel' in a feed (known: url, name, match)",
      "desk/feeds.yml:11: the feed https://fine.example/rss is listed twice (first on line 10)",
    ]);
    expect(list?.feeds.map((f) => f.url)).toEqual(["https://fine.example/rss"]);
  });

  it("reports YAML that does not parse with its line", () => {
    const { list, problems } = parseFeedsFile(
      "feeds.yml",
      "story: x\nfeeds:\n  - url: [unclosed\n",
    );
    expect(list).toBeNull();
    expect(problems[0]).toMatch(/^feeds\.yml:\d+: not valid YAML: /);
  });

  it("needs words to match, from the file or the feed", () => {
    const { problems } = parseFeedsFile("f.yml", "feeds:\n  - url: https://a.example/rss\n");
    expect(problems).toEqual([
      "f.yml:2: no words to match: give the file a match list, or this feed one",
    ]);
  });

  it("needs a feeds list", () => {
    expect(parseFeedsFile("f.yml", "story: x\nmatch: [a]\n").problems).toEqual([
      "f.yml:1: no 'feeds': list the feeds to poll, each with a url",
    ]);
    expect(parseFeedsFile("f.yml", "- just\n- a list\n").problems).toEqual([
      "f.yml:1: the file must be a mapping with story, match and feeds",
    ]);
  });
});

describe("readFeedsFile", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "feeds-file-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("returns no list and no problem when the file does not exist: no file, no polling", async () => {
    expect(await readFeedsFile(join(dir, "feeds.yml"))).toEqual({ list: null, problems: [] });
  });

  it("reads the file it is given", async () => {
    const file = join(dir, "feeds.yml");
    await writeFile(file, GOOD);
    const { list } = await readFeedsFile(file);
    expect(list?.feeds).toHaveLength(2);
  });
});

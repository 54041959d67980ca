import { describe, expect, it } from "vitest";
import { type ServedNews, servedNewsOf } from "../../src/live/digest-desk.js";
import { follow } from "../../src/live/follows.js";
import { createLiveDesk } from "../../src/live/live-desk.js";
import type { Digest } from "../../src/news/digest.js";
import { MemoryStore } from "../../src/state/memory-store.js";
import { newsOf, type TinyArticle } from "../news/news-fixture.js";
import { waitFor } from "../state/wait-for.js";

function article(n: number): TinyArticle {
  return {
    id: `a${n}`,
    title: `Report number ${n}`,
    outlet: "Wire",
    published: "2031-03-01",
    paragraphs: [
      `Crews cleared debris from street ${n} of the old town, officials said on Monday.`,
    ],
  };
}

describe("createLiveDesk without Redis", () => {
  it("polls by itself, reloads itself when a poll adds, and posts the digest to a following channel", async () => {
    let news: ServedNews = servedNewsOf(newsOf([article(1)]));
    const reloads: string[] = [];
    const posts: { channel: string; digest: Digest }[] = [];
    // The next poll adds an article once the test says so.
    let addNext = false;
    const desk = createLiveDesk({
      redisUrl: null,
      redisTimeoutMs: 1_000,
      claims: new MemoryStore(),
      pollSeconds: 1,
      leaseSeconds: 60,
      digestMinutes: 30,
      editors: null,
      poll: async () => {
        const added = addNext ? 1 : 0;
        addNext = false;
        return { feeds: [], added };
      },
      addUrl: null,
      // The reload this replica does on the message: the index now holds the new article.
      reload: (why) => {
        reloads.push(why);
        news = servedNewsOf(newsOf([article(1), article(2)]));
      },
      current: () => news,
      post: async (f, digest) => {
        posts.push({ channel: f.channelId, digest });
      },
      logger: { info: () => {}, warn: () => {} },
    });
    await desk.start();
    try {
      expect(desk.polling()).toBe(true);
      // The desk records the corpus it started with before anyone follows.
      await waitFor(async () => (await desk.store.records("arrivals")).size > 0, 10_000);
      await follow(desk.store, { channelId: "C1", teamId: "T1", since: Date.now(), by: "U1" });
      addNext = true;
      await waitFor(() => posts.length > 0, 15_000);
      expect(reloads).toEqual([expect.stringMatching(/^1 articles from the feeds/)]);
      expect(posts).toHaveLength(1);
      expect(posts[0]?.digest.articles.map((a) => a.title)).toEqual(["Report number 2"]);
      expect((await desk.status()).corpusChangedAt).not.toBeNull();
    } finally {
      await desk.stop();
    }
  }, 30_000);
});

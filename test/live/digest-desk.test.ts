import { describe, expect, it } from "vitest";
import { ARRIVALS, DigestDesk, type ServedNews, servedNewsOf } from "../../src/live/digest-desk.js";
import { type FollowRecord, follow, unfollow } from "../../src/live/follows.js";
import type { Digest } from "../../src/news/digest.js";
import { MemoryLiveStore } from "../../src/state/memory-live-store.js";
import { MemoryStore } from "../../src/state/memory-store.js";
import { newsOf, type TinyArticle } from "../news/news-fixture.js";

const MINUTE = 60_000;

function article(n: number): TinyArticle {
  return {
    id: `a${n}`,
    title: `Report number ${n}`,
    outlet: `Outlet ${n}`,
    url: `https://news${n}.test/story`,
    published: "2031-03-01",
    paragraphs: [
      `Crews cleared debris from street ${n} of the old town, officials said on Monday.`,
    ],
  };
}

/** A desk on one process's stores, an injected clock, and a recording poster. */
function deskWith(digestMinutes = 30, failPosts = false) {
  let now = 1_000 * MINUTE;
  const live = new MemoryLiveStore(() => now);
  const claims = new MemoryStore(() => now);
  let news: ServedNews = servedNewsOf(newsOf([article(1), article(2)]));
  const posts: { channel: string; team: string; digest: Digest }[] = [];
  const options = {
    live,
    claims,
    current: () => news,
    post: async (f: FollowRecord, digest: Digest) => {
      posts.push({ channel: f.channelId, team: f.teamId, digest });
      if (failPosts) throw new Error("Slack: not_in_channel");
    },
    digestMinutes,
    logger: { info: () => {}, warn: () => {} },
    nowMilliseconds: () => now,
  };
  return {
    desk: new DigestDesk(options),
    other: () => new DigestDesk(options),
    live,
    posts,
    at: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    land: (...ns: number[]) => {
      const ids = new Set(news.articleIds);
      const all = [...ids].map((id) => article(Number(id.slice(1))));
      news = servedNewsOf(newsOf([...all, ...ns.filter((n) => !ids.has(`a${n}`)).map(article)]));
    },
    follow: (channelId: string) => follow(live, { channelId, teamId: "T1", since: now, by: "U1" }),
  };
}

const titles = (post: { digest: Digest }) => post.digest.articles.map((a) => a.title).sort();

describe("DigestDesk", () => {
  it("tells a following channel of articles that land after it followed, not of the corpus it started with", async () => {
    const t = deskWith();
    await t.desk.round();
    await t.follow("C1");
    expect(await t.desk.round()).toBe(0);
    t.advance(MINUTE);
    t.land(3);
    expect(await t.desk.round()).toBe(1);
    expect(t.posts).toHaveLength(1);
    expect(t.posts[0]).toMatchObject({ channel: "C1", team: "T1" });
    expect(titles(t.posts[0] as { digest: Digest })).toEqual(["Report number 3"]);
    // Nothing new: nothing more.
    t.advance(40 * MINUTE);
    expect(await t.desk.round()).toBe(0);
  });

  it("sends at most one digest per channel per DIGEST_MINUTES; what lands in between waits for the next", async () => {
    const t = deskWith(30);
    await t.desk.round();
    await t.follow("C1");
    t.advance(MINUTE);
    t.land(3);
    await t.desk.round();
    t.advance(5 * MINUTE);
    t.land(4);
    expect(await t.desk.round()).toBe(0);
    t.advance(10 * MINUTE);
    t.land(5);
    expect(await t.desk.round()).toBe(0);
    expect(t.posts).toHaveLength(1);
    // 30 minutes after the first digest, the next carries both waiting articles.
    t.advance(15 * MINUTE - 1);
    expect(await t.desk.tick()).toBe(0);
    t.advance(1);
    expect(await t.desk.tick()).toBe(1);
    expect(t.posts).toHaveLength(2);
    expect(titles(t.posts[1] as { digest: Digest })).toEqual([
      "Report number 4",
      "Report number 5",
    ]);
  });

  it("sends the first digest at once when none went to the channel in the last DIGEST_MINUTES", async () => {
    const t = deskWith(30);
    await t.desk.round();
    await t.follow("C1");
    t.advance(MINUTE);
    t.land(3);
    await t.desk.round();
    t.advance(31 * MINUTE);
    t.land(4);
    expect(await t.desk.round()).toBe(1);
    expect(titles(t.posts[1] as { digest: Digest })).toEqual(["Report number 4"]);
  });

  it("posts each digest once though two desks (two replicas) run the round at once", async () => {
    const t = deskWith();
    const other = t.other();
    await t.desk.round();
    await t.follow("C1");
    await t.follow("C2");
    t.advance(MINUTE);
    t.land(3);
    const [a, b] = await Promise.all([t.desk.round(), other.round()]);
    expect(a + b).toBe(2);
    expect(t.posts.map((p) => p.channel).sort()).toEqual(["C1", "C2"]);
  });

  it("sends nothing to a channel that unfollowed", async () => {
    const t = deskWith();
    await t.desk.round();
    await t.follow("C1");
    await unfollow(t.live, "C1");
    t.advance(MINUTE);
    t.land(3);
    expect(await t.desk.round()).toBe(0);
    expect(t.posts).toHaveLength(0);
  });

  it("waits for an article another replica registered until this index holds it", async () => {
    const t = deskWith();
    await t.desk.round();
    await t.follow("C1");
    t.advance(MINUTE);
    // Another poller saw a9 first; this index has a3 but not yet a9.
    await t.live.addMissingRecords(ARRIVALS, new Map([["a9", String(t.at())]]));
    t.land(3);
    expect(await t.desk.round()).toBe(0);
    t.land(9);
    t.advance(1_000);
    expect(await t.desk.round()).toBe(1);
    expect(titles(t.posts[0] as { digest: Digest })).toEqual([
      "Report number 3",
      "Report number 9",
    ]);
  });

  it("does not try a failed post again: the next digest carries only what landed after it", async () => {
    const t = deskWith(30, true);
    await t.desk.round();
    await t.follow("C1");
    t.advance(MINUTE);
    t.land(3);
    expect(await t.desk.round()).toBe(0);
    t.advance(MINUTE);
    expect(await t.desk.round()).toBe(0);
    expect(t.posts).toHaveLength(1);
    t.advance(MINUTE);
    t.land(4);
    await t.desk.round();
    expect(t.posts).toHaveLength(2);
    expect(titles(t.posts[1] as { digest: Digest })).toEqual(["Report number 4"]);
  });
});

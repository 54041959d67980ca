import { describe, expect, it } from "vitest";
import { FeedPoller, type PollFeeds, pollDeadlineMs } from "../../src/live/feed-poller.js";
import { isFailing, readFeedStates } from "../../src/live/feed-state.js";
import { MemoryLiveStore } from "../../src/state/memory-live-store.js";

const quiet = { info: () => {}, warn: () => {} };

describe("FeedPoller", () => {
  it("keeps each feed's state, shows a feed failing after three failures and then backs off", async () => {
    let now = 1_000_000;
    const store = new MemoryLiveStore(() => now);
    const asked: string[][] = [];
    const poll: PollFeeds = async ({ due }) => {
      const feeds = ["https://a.test/rss", "https://b.test/rss"].filter(due);
      asked.push(feeds);
      return {
        added: feeds.includes("https://a.test/rss") ? 1 : 0,
        feeds: feeds.map((url) => ({
          url,
          name: null,
          added: url.includes("a.test") ? 1 : 0,
          error: url.includes("b.test") ? "HTTP 500" : null,
        })),
      };
    };
    const added: number[] = [];
    const poller = new FeedPoller({
      poll,
      store,
      mayPoll: () => true,
      pollSeconds: 60,
      onAdded: (n) => added.push(n),
      logger: quiet,
      nowMilliseconds: () => now,
    });
    for (let i = 0; i < 6; i++) {
      await poller.pollOnce();
      now += 60_000;
    }
    const states = await readFeedStates(store);
    const a = states.get("https://a.test/rss");
    const b = states.get("https://b.test/rss");
    expect(a).toMatchObject({ itemsAdded: 6, lastAdded: 1, lastError: null, failuresInRow: 0 });
    expect(b).toMatchObject({ lastError: "HTTP 500", failuresInRow: 3 });
    expect(b && isFailing(b)).toBe(true);
    expect(added).toEqual([1, 1, 1, 1, 1, 1]);
    // The failing feed was asked in polls 1, 2 and 4 only: after its second failure it waits 2
    // polls, after its third 4.
    const askedB = asked.map((feeds, i) => (feeds.includes("https://b.test/rss") ? i + 1 : 0));
    expect(askedB.filter((n) => n > 0)).toEqual([1, 2, 4]);
  });

  it("does not poll where it may not (another replica holds the lease)", async () => {
    let polls = 0;
    const poller = new FeedPoller({
      poll: async () => {
        polls += 1;
        return { feeds: [], added: 0 };
      },
      store: new MemoryLiveStore(),
      mayPoll: () => false,
      pollSeconds: 60,
      onAdded: () => {},
      logger: quiet,
    });
    expect(await poller.pollOnce()).toBeNull();
    expect(polls).toBe(0);
  });

  it("aborts a poll on stop and does not count it as added", async () => {
    const lines: string[] = [];
    const poller = new FeedPoller({
      poll: ({ signal }) =>
        new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason))),
      store: new MemoryLiveStore(),
      mayPoll: () => true,
      pollSeconds: 60,
      onAdded: () => lines.push("added"),
      logger: { info: (m) => lines.push(m), warn: (m) => lines.push(m) },
    });
    const running = poller.pollOnce();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await poller.stop();
    expect(await running).toBeNull();
    expect(lines.join("\n")).toMatch(/the poll stopped/);
    expect(lines).not.toContain("added");
  });

  it("gives a poll a total deadline between 30 s and 10 min", () => {
    expect(pollDeadlineMs(2)).toBe(30_000);
    expect(pollDeadlineMs(900)).toBe(600_000);
    expect(pollDeadlineMs(120)).toBe(90_000);
  });
});

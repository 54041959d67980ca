import { describe, expect, it } from "vitest";
import { freshFeedState } from "../../src/ingest/poll-feeds.js";
import { FeedPoller, type PollFeeds, pollDeadlineMs } from "../../src/live/feed-poller.js";
import { readFeedStates } from "../../src/live/feed-state.js";
import { MemoryLiveStore } from "../../src/state/memory-live-store.js";

const quiet = { info: () => {}, warn: () => {} };

describe("FeedPoller", () => {
  it("passes each poll the feed states the last poll left, on whichever replica ran it", async () => {
    const store = new MemoryLiveStore();
    const seenPrevious: number[][] = [];
    // A poll that counts failures of one feed, as the ingest poll does in its state.
    const poll: PollFeeds = async ({ previous }) => {
      seenPrevious.push(previous.map((s) => s.consecutiveFailures));
      const before = previous[0] ?? freshFeedState({ url: "https://b.test/rss", name: null });
      const failures = before.consecutiveFailures + 1;
      return {
        added: 0,
        feeds: [
          {
            ...before,
            consecutiveFailures: failures,
            failing: failures >= 3,
            lastError: "HTTP 500",
          },
        ],
      };
    };
    const replica = () =>
      new FeedPoller({
        poll,
        store,
        mayPoll: () => true,
        pollSeconds: 60,
        onAdded: () => {},
        logger: quiet,
      });
    // Three polls, each on a different replica (the lease moved): the count goes on.
    for (let i = 0; i < 3; i++) await replica().pollOnce();
    expect(seenPrevious).toEqual([[], [1], [2]]);
    const [state] = await readFeedStates(store);
    expect(state).toMatchObject({ consecutiveFailures: 3, failing: true, lastError: "HTTP 500" });
  });

  it("tells of added articles, and only then", async () => {
    const added: number[] = [];
    let next = 0;
    const poller = new FeedPoller({
      poll: async () => ({ feeds: [], added: next }),
      store: new MemoryLiveStore(),
      mayPoll: () => true,
      pollSeconds: 60,
      onAdded: (n) => added.push(n),
      logger: quiet,
    });
    await poller.pollOnce();
    next = 2;
    await poller.pollOnce();
    expect(added).toEqual([2]);
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

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EDITORS_UNSET_TEXT,
  NOT_AN_EDITOR_TEXT,
  UNFOLLOWED_TEXT,
} from "../../src/format/desk-text.js";
import { type FixtureSite, serve, startFixtureSite } from "../ingest/fixture-site.js";
import { skipWithoutRedis } from "../support/redis-server.js";
import { type BotReplica, Replicas } from "../support/two-replicas.js";

// Two bot processes, one real redis-server, one fake Slack and a local news site whose feed gains
// items while the bots run: what issue 23 asks of replicas. One polls; both answer from a new
// article within 10 s of it landing; each following channel gets one digest; /syria add works for
// an editor only; when the poller dies, the other takes the lease over.

const LEASE_SECONDS = 5;
const EDITOR = "UEDITOR1";
const today = new Date().toISOString().slice(0, 10);

/** An article page as an outlet publishes it: JSON-LD, Open Graph, an <article>. */
function page(slug: string, headline: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${headline} | The Velda Lantern</title>
<meta property="og:site_name" content="The Velda Lantern">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${headline}","datePublished":"${today}T08:00:00+00:00","publisher":{"@type":"Organization","name":"The Velda Lantern"}}</script>
</head><body><nav><a href="/">Home</a></nav><article><h1>${headline}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
</article><footer>© The Velda Lantern</footer></body></html><!-- ${slug} -->`;
}

const COMET = page("comet", "Lighthouse keeper reports a green comet over Velda", [
  "The lighthouse keeper of Velda reported a bright green comet low over the harbour on Tuesday night, the harbour office said.",
  '"It hung above the breakwater for almost an hour before it faded," the lighthouse keeper told the harbour office.',
  "Astronomers at the town observatory said they would point their telescope at the eastern sky again on Wednesday evening.",
  "Fishing crews returning to the quay said they had watched the green light from their boats for most of the crossing.",
]);
const FOG = page("fog", "Lighthouse fog horn repaired after storm", [
  "Engineers repaired the lighthouse fog horn of Velda on Thursday after the winter storm had silenced it for a week.",
  "The harbour office said the lighthouse horn would sound every thirty seconds whenever fog covers the bay.",
  "Ferry captains had asked for the repair because the crossing was unsafe in thick fog without the signal.",
]);
const BEACON = page("beacon", "New lighthouse beacon lit above the bay", [
  "A new lighthouse beacon was lit above the bay of Velda on Friday, replacing the lamp that had burned since the old harbour was built.",
  "The harbour office said the lighthouse beacon can be seen forty kilometres out at sea on a clear night.",
]);

function rss(site: FixtureSite, items: { slug: string; title: string }[]): string {
  const entries = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${site.base}/news/${i.slug}</link><guid>${site.base}/news/${i.slug}</guid><pubDate>${new Date().toUTCString()}</pubDate></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>The Velda Lantern</title><link>${site.base}/</link><description>News</description>${entries}</channel></rss>`;
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 3_000));

describe.skipIf(skipWithoutRedis)("the live desk on two replicas sharing Redis", () => {
  let replicas: Replicas;
  let site: FixtureSite;
  let dir: string;
  let items: { slug: string; title: string }[] = [];
  let asked = 0;

  /** Asks `replica` with the slash command as `user`; the reply's text (ack or response URL). */
  async function command(replica: BotReplica, text: string, fields: Record<string, string> = {}) {
    asked += 1;
    const id = `live-${asked}`;
    const response = await replica.command(text, replicas.fake.responseUrl(id), fields);
    const ack = await response.text();
    return { ack, id };
  }

  async function responseTo(id: string): Promise<string> {
    const [call] = await replicas.fake.waitForCalls(id, 1, 20_000);
    return JSON.stringify(call?.body);
  }

  beforeAll(async () => {
    site = await startFixtureSite();
    site.route("/feed.xml", (request, response) =>
      serve("application/rss+xml", rss(site, items))(request, response),
    );
    site.route("/news/comet", serve("text/html; charset=utf-8", COMET));
    site.route("/news/fog", serve("text/html; charset=utf-8", FOG));
    site.route("/news/beacon", serve("text/html; charset=utf-8", BEACON));
    dir = mkdtempSync(join(tmpdir(), "live-replicas-"));
    cpSync("test/fixtures/corpus", join(dir, "corpus"), { recursive: true });
    writeFileSync(
      join(dir, "feeds.yml"),
      `story: The lighthouse of Velda\nmatch: [lighthouse]\nfeeds:\n  - url: ${site.base}/feed.xml\n    name: The Velda Lantern\n`,
    );
    replicas = await Replicas.start({
      // A loaded machine builds two indexes one after the other slowly.
      startTimeoutMs: 60_000,
      corpusDir: join(dir, "corpus"),
      env: {
        REDIS_TIMEOUT_MS: "5000",
        FEEDS_FILE: join(dir, "feeds.yml"),
        FEED_POLL_SECONDS: "1",
        FETCH_ALLOW_HOSTS: `127.0.0.1:${site.port}`,
        FETCH_MIN_INTERVAL_MS: "0",
        POLL_LEASE_SECONDS: String(LEASE_SECONDS),
        DIGEST_MINUTES: "1",
        EDITORS: EDITOR,
      },
    });
  }, 120_000);

  afterAll(async () => {
    if (process.env.SHOW_REPLICA_LOGS)
      for (const r of replicas?.replicas ?? []) console.log(r.name, r.output);
    await replicas?.stop();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  const polls = (r: BotReplica) => r.output.includes("holds the lease and polls");

  it("has exactly one replica polling", async () => {
    await until(() => replicas.replicas.some(polls), 15_000, "a poller");
    await settle();
    expect(replicas.replicas.filter(polls)).toHaveLength(1);
  }, 30_000);

  it("lets anyone in a channel follow it, and tells a channel that already follows", async () => {
    const followed = await command(replicas.b, "follow", { channel_id: "CFOLLOW1", user_id: "U7" });
    expect(await responseTo(followed.id)).toContain("This channel now follows the story");
    const again = await command(replicas.a, "follow", { channel_id: "CFOLLOW1", user_id: "U8" });
    expect(await responseTo(again.id)).toContain("already follows");
    const other = await command(replicas.a, "follow", { channel_id: "CFOLLOW2", user_id: "U8" });
    expect(await responseTo(other.id)).toContain("This channel now follows the story");
  }, 30_000);

  it("answers from a new feed item on both replicas within 10 s of it landing, and posts one digest per following channel", async () => {
    const poller = replicas.replicas.find(polls) as BotReplica;
    const from = poller.output.length;
    const filesBefore = readdirSync(join(dir, "corpus")).length;
    const reloadsBefore = replicas.replicas.map((r) => r.output.length);
    items = [{ slug: "comet", title: "Lighthouse keeper reports a green comet over Velda" }];
    await until(() => /: added /.test(poller.output.slice(from)), 30_000, "the item added");
    const landed = Date.now();
    // Both hear of it through Redis and start their reload at once; the reload itself is an index
    // build, as long as the machine makes it (docs/feeds.md).
    await until(
      () =>
        replicas.replicas.every((r, i) =>
          /Live desk: articles changed \(1 articles from the feeds/.test(
            r.output.slice(reloadsBefore[i]),
          ),
        ),
      10_000,
      "both replicas to start reloading",
    );
    expect(Date.now() - landed).toBeLessThanOrEqual(10_000);
    await until(
      () =>
        replicas.replicas.every((r, i) =>
          /Reload \(1 articles from the feeds .*\): \d+ → \d+ passages/.test(
            r.output.slice(reloadsBefore[i]),
          ),
        ),
      60_000,
      "both replicas to reload",
    );
    for (const replica of replicas.replicas) {
      const { id } = await command(
        replica,
        "what did the lighthouse keeper report over the harbour",
      );
      expect(await responseTo(id)).toContain("green comet");
    }
    expect(readdirSync(join(dir, "corpus"))).toHaveLength(filesBefore + 1);
    await until(
      () =>
        ["CFOLLOW1", "CFOLLOW2"].every((channel) =>
          replicas.fake.callsTo("chat.postMessage").some((c) => c.body?.channel === channel),
        ),
      20_000,
      "a digest in each following channel",
    );
    await settle();
    const digests = replicas.fake
      .callsTo("chat.postMessage")
      .filter((c) => /^CFOLLOW/.test(c.body?.channel));
    expect(digests.map((c) => c.body.channel).sort()).toEqual(["CFOLLOW1", "CFOLLOW2"]);
    const digest = JSON.stringify(digests[0]?.body);
    expect(digest).toContain("New on the story: 1 article");
    expect(digest).toContain("Lighthouse keeper reports a green comet over Velda");
    expect(digest).toContain("The Velda Lantern");
    expect(digest).toContain(`${site.base}/news/comet`);
  }, 120_000);

  it("adds an article by link for an editor, and refuses anyone else, naming EDITORS", async () => {
    const refused = await command(replicas.a, `add ${site.base}/news/fog`, { user_id: "U7" });
    expect(refused.ack).toContain(NOT_AN_EDITOR_TEXT);
    const filesBefore = readdirSync(join(dir, "corpus")).length;
    expect(EDITORS_UNSET_TEXT).toContain("EDITORS");
    const added = await command(replicas.b, `add <${site.base}/news/fog>`, { user_id: EDITOR });
    const reply = await responseTo(added.id);
    expect(reply).toContain("Added *Lighthouse fog horn repaired after storm*");
    expect(reply).toContain("The Velda Lantern");
    const files = readdirSync(join(dir, "corpus"));
    expect(files).toHaveLength(filesBefore + 1);
    const written = files.map((f) => readFileSync(join(dir, "corpus", f), "utf8"));
    expect(written.filter((text) => text.includes(`added_by: ${EDITOR}`))).toHaveLength(1);
    // Replica a, which did not add it, hears of it through Redis and reloads.
    await until(
      () => /Reload \([^)]*article added by/.test(replicas.a.output),
      60_000,
      "replica a to reload after the add",
    );
    const again = await command(replicas.a, "who repaired the lighthouse fog horn");
    expect(await responseTo(again.id)).toContain("Engineers repaired the lighthouse fog horn");
  }, 120_000);

  it("shows the same feed states on both replicas: /health?details and App Home; /health stays plain", async () => {
    for (const replica of replicas.replicas) {
      const plain = (await (await fetch(`${replica.base}/health`)).json()) as Record<
        string,
        unknown
      >;
      expect(plain.details).toBeUndefined();
      const health = (await (await fetch(`${replica.base}/health?details`)).json()) as {
        details: { feeds: { url: string; itemsAdded: number; lastError: string | null }[] };
      };
      expect(health.details.feeds).toEqual([
        expect.objectContaining({ url: `${site.base}/feed.xml`, itemsAdded: 1, lastError: null }),
      ]);
    }
    const published = replicas.fake.callsTo("views.publish").length;
    await replicas.b.event(
      { type: "app_home_opened", user: "U7", channel: "D7", tab: "home", event_ts: "1700000000.1" },
      "EvHomeLive1",
    );
    const [call] = (await replicas.fake.waitForCalls("views.publish", published + 1, 10_000)).slice(
      published,
    );
    const home = JSON.stringify(call?.body);
    expect(home).toContain("Keeping current");
    expect(home).toContain("The Velda Lantern: last fetch");
    expect(home).toContain("1 article added");
  }, 30_000);

  it("stops a channel's digests on unfollow", async () => {
    const { id } = await command(replicas.a, "unfollow", { channel_id: "CFOLLOW2" });
    expect(await responseTo(id)).toContain(UNFOLLOWED_TEXT);
  }, 30_000);

  it("has the other replica take the lease over within two lease periods when the poller is killed, and poll", async () => {
    const poller = replicas.replicas.find(polls) as BotReplica;
    const survivor = replicas.replicas.find((r) => r !== poller) as BotReplica;
    const from = survivor.output.length;
    await poller.stop("SIGKILL");
    const killed = Date.now();
    await until(
      () => polls({ output: survivor.output.slice(from) } as BotReplica),
      30_000,
      "a takeover",
    );
    expect(Date.now() - killed).toBeLessThanOrEqual(2 * LEASE_SECONDS * 1000);
    items = [...items, { slug: "beacon", title: "New lighthouse beacon lit above the bay" }];
    await until(
      () => /: added .*New lighthouse beacon/.test(survivor.output.slice(from)),
      30_000,
      "the survivor to poll",
    );
  }, 60_000);
});

import { readFile, stat } from "node:fs/promises";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from "yaml";

// FEEDS_FILE lists what the bot follows:
//   story: Russia grants Assad asylum
//   match: [assad, asylum]        # an item is kept when its title or text has one of these words
//   feeds:
//     - url: https://example.org/rss/news
//       name: Example News        # optional; the outlet otherwise comes from the page
//       match: [syria]            # optional; replaces the story's list for this feed
// Every problem is reported as `FILE:LINE: message`, all at once, so one run of `feeds --check`
// shows everything to fix.

export interface FeedEntry {
  url: string;
  /** The outlet's name as the file gives it, or null (then the page says). */
  name: string | null;
  /** The words that put an item of this feed on the story: its own list, or the story's. */
  match: string[];
  /** Where the entry starts in the file, for messages. */
  line: number;
}

export interface FeedsList {
  file: string;
  story: string | null;
  match: string[];
  feeds: FeedEntry[];
}

export interface FeedsFileRead {
  /** null when the file does not exist: no file means no polling. */
  list: FeedsList | null;
  /** `FILE:LINE: message`, one per problem; the feeds without one are still in `list`. */
  problems: string[];
}

/** A feeds file is a short hand-written list: anything bigger is a mistake. */
const MAX_FEEDS_FILE_BYTES = 1024 * 1024;

const TOP_KEYS = new Set(["story", "match", "feeds"]);
const FEED_KEYS = new Set(["url", "name", "match"]);

/** Reads and checks FEEDS_FILE. Never throws for a bad file: its problems are returned. */
export async function readFeedsFile(file: string): Promise<FeedsFileRead> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { list: null, problems: [] };
    return { list: null, problems: [`${file}:1: cannot read: ${(error as Error).message}`] };
  }
  if (size > MAX_FEEDS_FILE_BYTES) {
    return { list: null, problems: [`${file}:1: ${size} bytes; a feeds file is at most 1 MB`] };
  }
  return parseFeedsFile(file, await readFile(file, "utf8"));
}

/** The feed URL's problem, or null: http(s) only, no user or password in it. */
export function feedUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `not a URL: "${value}"`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `only http and https URLs are fetched, got ${url.protocol}`;
  }
  if (url.username !== "" || url.password !== "") return "a URL with a user or password in it";
  return null;
}

/** Parses the text of a feeds file; `file` only names it in messages. */
export function parseFeedsFile(file: string, text: string): FeedsFileRead {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: string[] = [];
  const lineOf = (node: Node | null | undefined, fallback = 1) =>
    node?.range ? lines.linePos(node.range[0]).line : fallback;
  const problem = (line: number, message: string) => problems.push(`${file}:${line}: ${message}`);

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line ?? 1;
      problem(line, `not valid YAML: ${error.message.split("\n")[0]}`);
    }
    return { list: null, problems };
  }
  const root = doc.contents;
  if (!isMap(root)) {
    problem(lineOf(root), "the file must be a mapping with story, match and feeds");
    return { list: null, problems };
  }

  const words = (node: unknown, where: string): string[] | null => {
    if (!isSeq(node)) {
      problem(lineOf(node as Node), `${where} must be a list of words, such as [assad, asylum]`);
      return null;
    }
    const list: string[] = [];
    for (const item of node.items) {
      const value = isScalar(item) ? item.value : null;
      if (typeof value !== "string" && typeof value !== "number") {
        problem(lineOf(item as Node, lineOf(node)), `${where} must hold words, not lists or maps`);
        continue;
      }
      const word = String(value).trim();
      if (!/[\p{L}\p{N}]/u.test(word)) {
        problem(lineOf(item as Node, lineOf(node)), `${where} has an empty word`);
        continue;
      }
      list.push(word);
    }
    if (node.items.length === 0) problem(lineOf(node), `${where} is empty: no item would match`);
    return list;
  };

  const unknownKeys = (map: YAMLMap, known: Set<string>, where: string) => {
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!known.has(key)) {
        problem(
          lineOf(pair.key as Node),
          `unknown key '${key}' in ${where} (known: ${[...known].join(", ")})`,
        );
      }
    }
  };
  unknownKeys(root, TOP_KEYS, "the file");

  const storyNode = root.get("story", true);
  let story: string | null = null;
  if (storyNode !== undefined) {
    const storyValue: unknown = isScalar(storyNode) ? storyNode.value : null;
    if (typeof storyValue === "string") story = storyValue.trim();
    else problem(lineOf(storyNode), "story must be a line of text");
  }

  const matchNode = root.get("match", true);
  const storyWords = matchNode === undefined ? null : words(matchNode, "match");

  const feedsNode = root.get("feeds", true);
  const feeds: FeedEntry[] = [];
  if (feedsNode === undefined) {
    problem(1, "no 'feeds': list the feeds to poll, each with a url");
  } else if (!isSeq(feedsNode)) {
    problem(lineOf(feedsNode), "feeds must be a list, each entry with a url");
  } else {
    const seen = new Map<string, number>();
    for (const entry of feedsNode.items) {
      const line = lineOf(entry as Node, lineOf(feedsNode));
      if (!isMap(entry)) {
        problem(line, "a feed must be a mapping with a url (and optionally name and match)");
        continue;
      }
      const before = problems.length;
      unknownKeys(entry, FEED_KEYS, "a feed");
      const urlNode = entry.get("url", true);
      const urlValue: unknown = isScalar(urlNode) ? urlNode.value : null;
      const url = typeof urlValue === "string" && urlValue.trim() !== "" ? urlValue.trim() : null;
      if (url === null) {
        problem(line, "a feed has no url");
      } else {
        const why = feedUrlProblem(url);
        if (why !== null) problem(lineOf(urlNode as Node, line), why);
        const earlier = seen.get(url);
        if (earlier !== undefined)
          problem(line, `the feed ${url} is listed twice (first on line ${earlier})`);
        seen.set(url, line);
      }
      const nameNode = entry.get("name", true);
      let name: string | null = null;
      if (nameNode !== undefined) {
        const nameValue: unknown = isScalar(nameNode) ? nameNode.value : null;
        if (typeof nameValue === "string" && nameValue.trim() !== "") {
          name = nameValue.trim();
        } else {
          problem(lineOf(nameNode as Node, line), "name must be the outlet's name, as text");
        }
      }
      const ownMatchNode = entry.get("match", true);
      const ownWords = ownMatchNode === undefined ? null : words(ownMatchNode, "a feed's match");
      const match = ownWords ?? storyWords;
      if (match === null && ownMatchNode === undefined && matchNode === undefined) {
        problem(line, "no words to match: give the file a match list, or this feed one");
      }
      if (problems.length === before && url !== null && match !== null) {
        feeds.push({ url, name, match, line });
      }
    }
  }
  return { list: { file, story, match: storyWords ?? [], feeds }, problems };
}

import type { ArticleSource } from "../corpus/article-source.js";

/** Where an article came from: a feed's item, a link given in Slack or the terminal, a saved file. */
export type IngestSource =
  | { kind: "feed"; feedUrl: string; feedName: string | null }
  | { kind: "link"; addedBy: string | null }
  | { kind: "file"; path: string };

/** What became of one article: each names the URL it was asked for. */
export type IngestResult =
  | (Omit<ArticleSource, "url"> & {
      status: "added";
      /** The address it was asked for (the article's own, in `ArticleSource`, may differ). */
      url: string;
      /** The corpus file written. */
      file: string;
      /** The corpus file this one reprints (a wire story under another outlet's URL), or null. */
      copyOf: string | null;
    })
  | { status: "off-story"; url: string; title: string | null }
  | { status: "duplicate"; url: string; file: string; reason: "url" | "text" }
  | {
      status: "refused";
      url: string;
      reason: string;
      /** A later try may succeed (a timeout, a 5xx, a 429): asked for again on the next poll. */
      transient?: boolean;
    };

/** One line for a person: `added FILE: title (outlet, date)`, `duplicate of FILE`, `refused: why`. */
export function describeResult(result: IngestResult): string {
  switch (result.status) {
    case "added": {
      const facts = [result.outlet ?? "outlet unknown", result.published ?? "date unknown"];
      const copy = result.copyOf === null ? "" : `; a copy of ${result.copyOf}`;
      return `added ${result.file}: ${result.title ?? "untitled"} (${facts.join(", ")})${copy}`;
    }
    case "off-story":
      return `off-story: ${result.title ?? result.url}`;
    case "duplicate":
      return `duplicate of ${result.file} (same ${result.reason}): ${result.url}`;
    case "refused":
      return `refused ${result.url}: ${result.reason}`;
  }
}

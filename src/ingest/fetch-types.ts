/** What is fetched decides the byte cap (MAX_FEED_BYTES or MAX_ARTICLE_BYTES) and the conditional GET. */
export type FetchPurpose = "feed" | "article";

export interface FetchOptions {
  purpose: FetchPurpose;
  /** For a feed: the validators of its last fetch, sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /** Cancels the fetch (the caller's own deadline); FETCH_TIMEOUT_MS applies anyway. */
  signal?: AbortSignal;
}

export type FetchedPage =
  | {
      notModified: false;
      /** The URL asked for, and the one the body came from after redirects. */
      url: string;
      finalUrl: string;
      status: number;
      /** The media type alone, lower case: `text/html`, `application/rss+xml`. */
      mediaType: string;
      text: string;
      etag: string | null;
      lastModified: string | null;
    }
  | { notModified: true; url: string; finalUrl: string; status: 304 };

/** The one way the bot reads the web. Throws FetchError. */
export interface PageFetcher {
  fetch(url: string, options: FetchOptions): Promise<FetchedPage>;
  /** Closes its connections; pending fetches fail. */
  close(): Promise<void>;
}

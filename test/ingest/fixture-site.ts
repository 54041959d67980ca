import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FetcherSettings } from "../../src/ingest/fetch-page.js";

// A local site for the ingest tests: feeds and article pages as outlets publish them, and every
// kind of bad answer, on 127.0.0.1. FETCH_ALLOW_HOSTS lets the fetcher through to it, and only to it.

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface FixtureSite {
  base: string;
  port: number;
  /** The paths asked for, in order, with the User-Agent and conditional headers seen. */
  hits: Array<{
    path: string;
    userAgent: string | undefined;
    ifNoneMatch: string | undefined;
    at: number;
  }>;
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** A fixture file with `{{BASE}}` replaced by the site's address. */
export function fixtureText(name: string, base: string): string {
  const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
  return text.replaceAll("{{BASE}}", base);
}

export function serve(
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Handler {
  return (_request, response) => {
    response.writeHead(200, { "content-type": contentType, ...headers });
    response.end(body);
  };
}

export function status(code: number, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(code, { "content-type": "text/html", ...headers });
    response.end(`<html><body><p>status ${code}</p></body></html>`);
  };
}

export function redirect(location: string, code = 302): Handler {
  return (_request, response) => {
    response.writeHead(code, { location });
    response.end();
  };
}

export async function startFixtureSite(): Promise<FixtureSite> {
  const routes = new Map<string, Handler>();
  const hits: FixtureSite["hits"] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server: Server = createServer((request, response) => {
    const path = request.url ?? "/";
    hits.push({
      path,
      userAgent: request.headers["user-agent"],
      ifNoneMatch: request.headers["if-none-match"],
      at: Date.now(),
    });
    const handler = routes.get(path.split("?")[0] ?? path) ?? routes.get(path);
    if (handler) handler(request, response);
    else status(404)(request, response);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  routes.set("/robots.txt", serve("text/plain", "User-agent: *\nDisallow: /private/\n"));
  return {
    base,
    port,
    hits,
    route: (path, handler) => routes.set(path, handler),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Fetch settings for tests: only the fixture site allowed, short deadlines, no interval. */
export function testFetchSettings(
  site: FixtureSite,
  overrides: Partial<FetcherSettings> = {},
): FetcherSettings {
  return {
    maxFeedBytes: 2 * 1024 * 1024,
    maxArticleBytes: 1024 * 1024,
    fetchContact: "https://desk.example/contact",
    fetchAllowHosts: [`127.0.0.1:${site.port}`],
    fetchConnectTimeoutMs: 2_000,
    fetchHeadersTimeoutMs: 2_000,
    fetchTimeoutMs: 5_000,
    fetchMinIntervalMs: 0,
    ...overrides,
  };
}

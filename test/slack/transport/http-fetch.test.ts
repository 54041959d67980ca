import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSlackFetch,
  httpFetch,
  wasSurelyNotSent,
} from "../../../src/slack/transport/http-fetch.js";
import { freePort } from "../../support/free-port.js";

interface Seen {
  method: string | undefined;
  path: string | undefined;
  headers: IncomingMessage["headers"];
  body: string;
  socket: Socket;
}

let server: Server;
let base: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      seen.push({
        method: req.method,
        path: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
        socket: req.socket,
      });
      if (req.url === "/slow") return void setTimeout(() => res.end("late"), 2_000);
      if (req.url === "/moved") return void res.writeHead(302, { location: "/ok" }).end();
      if (req.url === "/empty") return void res.writeHead(204).end();
      if (req.url === "/limited")
        return void res.writeHead(429, { "retry-after": "3" }).end('{"ok":false}');
      res.writeHead(200, { "content-type": "application/json", "x-oauth-scopes": "chat:write" });
      res.end(JSON.stringify({ ok: true, path: req.url }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const last = () => seen.at(-1) as Seen;

describe("httpFetch", () => {
  it("posts a string body with its headers, and returns a readable Response", async () => {
    const response = await httpFetch(`${base}/ok`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer xoxb-test" },
      body: '{"text":"hi"}',
    });
    expect(response).toBeInstanceOf(Response);
    expect(response.ok).toBe(true);
    expect(response.headers.get("x-oauth-scopes")).toBe("chat:write");
    expect(await response.json()).toEqual({ ok: true, path: "/ok" });
    expect(last()).toMatchObject({ method: "POST", body: '{"text":"hi"}' });
    expect(last().headers["content-type"]).toBe("application/json");
    expect(last().headers.authorization).toBe("Bearer xoxb-test");
    expect(last().headers["content-length"]).toBe("13");
  });

  it("sends URLSearchParams as a form, as the Web API client does", async () => {
    await httpFetch(new URL(`${base}/api/chat.postMessage`), {
      method: "POST",
      body: new URLSearchParams({ channel: "C1", text: "a & b" }),
    });
    expect(last().headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(new URLSearchParams(last().body).get("text")).toBe("a & b");
  });

  it("counts multi-byte characters in the content length", async () => {
    await httpFetch(`${base}/ok`, { method: "POST", body: "Асад — 🇸🇾" });
    expect(last().body).toBe("Асад — 🇸🇾");
  });

  it("reuses its connection for the next request", async () => {
    await (await httpFetch(`${base}/one`, { method: "POST", body: "1" })).text();
    const first = last().socket;
    await (await httpFetch(`${base}/two`, { method: "POST", body: "2" })).text();
    expect(last().socket).toBe(first);
  });

  it("returns error statuses with their headers, for the caller's retry rules", async () => {
    const response = await httpFetch(`${base}/limited`, { method: "POST", body: "" });
    expect(response.status).toBe(429);
    expect(response.ok).toBe(false);
    expect(response.headers.get("retry-after")).toBe("3");
    const empty = await httpFetch(`${base}/empty`);
    expect(empty.status).toBe(204);
  });

  it("rejects with the signal's reason when aborted, as fetch does", async () => {
    const started = Date.now();
    await expect(
      httpFetch(`${base}/slow`, { method: "POST", body: "x", signal: AbortSignal.timeout(100) }),
    ).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeLessThan(1_500);
    const aborted = new AbortController();
    aborted.abort(new Error("stop"));
    await expect(httpFetch(`${base}/ok`, { signal: aborted.signal })).rejects.toThrow("stop");
  });

  it("refuses a redirect when told to, and follows one otherwise", async () => {
    await expect(
      httpFetch(`${base}/moved`, { method: "POST", body: "x", redirect: "error" }),
    ).rejects.toThrow(TypeError);
    const followed = await httpFetch(`${base}/moved`);
    expect(await followed.json()).toEqual({ ok: true, path: "/ok" });
  });

  it("leaves bodies it does not handle to the built-in fetch", async () => {
    const form = new FormData();
    form.append("file", "contents");
    const response = await httpFetch(`${base}/upload`, { method: "POST", body: form });
    expect(response.ok).toBe(true);
    expect(last().headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect(last().body).toContain("contents");
  });
});

describe("createSlackFetch", () => {
  const noWait = { sleep: async () => {} };

  it("gives up on a slow post at its deadline without sending it again", async () => {
    const before = seen.filter((s) => s.path === "/slow").length;
    const slackFetch = createSlackFetch({ timeoutMs: 200, ...noWait });
    await expect(slackFetch(`${base}/slow`, { method: "POST", body: "x" })).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.filter((s) => s.path === "/slow").length - before).toBe(1);
  });

  it("retries a refused connection, which surely did not land", async () => {
    const port = await freePort(); // nothing listens there
    const retries: string[] = [];
    const slackFetch = createSlackFetch({
      timeoutMs: 1_000,
      ...noWait,
      onRetry: (_url, outcome) => retries.push(outcome.kind),
    });
    const failed = await slackFetch(`http://127.0.0.1:${port}/api/chat.postMessage`, {
      method: "POST",
      body: "x",
    }).catch((error: unknown) => error);
    expect(wasSurelyNotSent(failed)).toBe(true);
    expect(retries).toEqual(["not-sent", "not-sent"]);
  });

  it("waits out a short Retry-After, and hands back a 429 it will not wait for", async () => {
    const delays: number[] = [];
    const slackFetch = createSlackFetch({
      timeoutMs: 1_000,
      policy: { maxRetries: 2, notSentDelaysMs: [0], maxRetryAfterMs: 5_000 },
      sleep: async (ms) => void delays.push(ms),
    });
    const response = await slackFetch(`${base}/limited`, { method: "POST", body: "" });
    expect(response.status).toBe(429);
    expect(delays).toEqual([3_000, 3_000]);
    const impatient = createSlackFetch({
      timeoutMs: 1_000,
      policy: { maxRetries: 2, notSentDelaysMs: [0], maxRetryAfterMs: 1_000 },
      sleep: async (ms) => void delays.push(ms),
    });
    expect((await impatient(`${base}/limited`, { method: "POST", body: "" })).status).toBe(429);
    expect(delays).toHaveLength(2);
  });
});

describe("a kept-alive connection", () => {
  it("is closed by the bot before the server's Keep-Alive timeout, so no post crosses the server's close", async () => {
    // The server says it keeps idle connections 2 s; the bot must close its end first (a FIN the
    // server reads as "end"), not wait for the server to close under a post it is sending.
    const closedBy: string[] = [];
    const hinted = createServer((_req, res) => res.end("ok"));
    hinted.keepAliveTimeout = 2_000;
    hinted.on("connection", (socket: Socket) => {
      socket.on("end", () => closedBy.push("bot"));
    });
    await new Promise<void>((resolve) => hinted.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(hinted.address() as AddressInfo).port}/hinted`;
    try {
      expect((await httpFetch(url, { method: "POST", body: "x" })).status).toBe(200);
      const deadline = Date.now() + 10_000;
      while (closedBy.length === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(closedBy).toEqual(["bot"]);
    } finally {
      hinted.close();
    }
  });
});

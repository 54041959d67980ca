// A small reverse proxy for running replicas without Docker or nginx: forwards each request to the
// next replica in turn, with its body and headers byte for byte (Slack's signature covers both),
// and tries the next replica when one refuses the connection (a replica that is restarting).
//   PROXY_PORT=8080 UPSTREAMS=http://127.0.0.1:3001,http://127.0.0.1:3002 tsx scripts/round-robin-proxy.ts
import { createServer, type IncomingHttpHeaders, request } from "node:http";

/** Slack's requests are a few kilobytes; anything far larger is not Slack. */
const MAX_BODY_BYTES = 1 << 20;
const UPSTREAM_TIMEOUT_MS = 10_000;

const upstreams = (process.env.UPSTREAMS ?? "")
  .split(",")
  .map((value) => value.trim())
  .filter((value) => value !== "")
  .map((value) => new URL(value));
if (upstreams.length === 0) {
  console.error("proxy: UPSTREAMS is empty (comma-separated http://host:port of each replica)");
  process.exit(2);
}
const port = Number(process.env.PROXY_PORT ?? "8080");
let next = 0;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function forward(
  target: URL,
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
) {
  return new Promise<Reply>((resolve, reject) => {
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        method,
        path,
        headers: { ...headers, host: target.host, "x-forwarded-host": headers.host ?? "" },
        timeout: UPSTREAM_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 502,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error("upstream timed out")));
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      res.writeHead(413).end();
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on("end", async () => {
    const body = Buffer.concat(chunks);
    const start = next++ % upstreams.length;
    for (let attempt = 0; attempt < upstreams.length; attempt++) {
      const target = upstreams[(start + attempt) % upstreams.length] as URL;
      try {
        const reply = await forward(target, req.method ?? "GET", req.url ?? "/", req.headers, body);
        // A replica that is stopping or not yet ready answers 503: let another one take it.
        if (reply.status === 503 && attempt < upstreams.length - 1) continue;
        res.writeHead(reply.status, reply.headers).end(reply.body);
        return;
      } catch {
        // Refused or timed out: the next replica.
      }
    }
    if (!res.headersSent)
      res.writeHead(502, { "content-type": "text/plain" }).end("no replica answered\n");
  });
});

server.listen(port, "127.0.0.1", () => {
  console.log(`proxy: 127.0.0.1:${port} → ${upstreams.map((u) => u.host).join(", ")}`);
});
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

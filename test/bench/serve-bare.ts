// The floor to compare the bot with: a bare node:http server that reads the body, checks the same
// Slack signature, and answers 200. Prints {"port": N} once listening.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySlackSignature } from "../../src/slack/transport/verify-signature.js";

const secret = process.env.SLACK_SIGNING_SECRET ?? "";
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const check = verifySlackSignature({
      signingSecret: secret,
      timestampHeader: req.headers["x-slack-request-timestamp"] as string | undefined,
      signatureHeader: req.headers["x-slack-signature"] as string | undefined,
      rawBody: Buffer.concat(chunks).toString(),
      nowMilliseconds: Date.now(),
    });
    res.writeHead(check.ok ? 200 : 401).end();
  });
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));

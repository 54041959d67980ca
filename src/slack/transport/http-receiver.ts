import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type App,
  defaultBodyLimit,
  HTTPModuleFunctions,
  HTTPResponseAck,
  type Logger,
  type Receiver,
} from "@slack/bolt";
import { DEFAULTS } from "../../config.js";
import { ConnectionSlots } from "./connection-slots.js";
import { parseSlackBody, SlackBodyError } from "./parse-slack-body.js";
import { readSignedBody, UnverifiedBudget } from "./read-signed-body.js";
import { checkSignatureHeaders, startSignatureHmac } from "./verify-signature.js";

export const EVENTS_PATH = "/slack/events";
export const HEALTH_PATH = "/health";
/** `/health?details` (or `details=1`): the feeds' states too. */
const HEALTH_DETAILS = /[?&]details(?:[=&]|$)/;

export interface Readiness {
  /** Passages indexed, once the index is ready; null before. */
  passages: number | null;
}

/** Connection limits, so that slow or idle clients can take neither the sockets nor a shutdown. */
export interface ConnectionLimits {
  /**
   * Open connections at once. Over it, the oldest connection not carrying a verified request is
   * cut to make room (see connection-slots.ts), so slow strangers cannot keep Slack out.
   */
  maxConnections: number;
  /** A request's headers must arrive within this (slowloris). */
  headersTimeoutMs: number;
  /** A whole request, body included, must arrive within this. */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /**
   * Bytes of each body held before its signature is checked without drawing on the shared budget.
   * Slack's requests are a few kilobytes; this bounds what the connection cap lets strangers hold.
   */
  unverifiedAllowanceBytes: number;
  /** Bytes held at once, across requests, for bodies longer than the allowance whose signature is not checked yet. */
  unverifiedSharedBytes: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxConnections: DEFAULTS.maxConnections,
  // Slack sends a request in one go: seconds are plenty, and a slow client is cut soon.
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  // 512 connections × 64 KB + 16 MB: under 50 MB held for strangers with forged signatures.
  unverifiedAllowanceBytes: 64 * 1024,
  unverifiedSharedBytes: 16 * 1024 * 1024,
};

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  readiness: () => Readiness;
  bodyLimit?: number;
  nowMilliseconds?: () => number;
  limits?: Partial<ConnectionLimits>;
  /**
   * Claims a verified request by its signature: false when the same signed request was seen before
   * (in any replica sharing the store), so a captured request replayed within the timestamp window
   * is acked and not answered again. Every request is new when not given.
   */
  claimRequest?: (signature: string) => Promise<boolean>;
  /** Other routes on the same port (the OAuth install pages): true when it answered the request. */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** What `GET /health?details` adds (the feeds' states); plain /health never reads it. */
  details?: () => Promise<unknown>;
}

/** How often, at most, cutting connections to make room is logged: an attack would flood the log. */
const SHED_LOG_INTERVAL_MS = 10_000;

/**
 * Bolt's HTTP transport, with what a production bot needs that Bolt's HTTPReceiver lacks: future
 * timestamps refused, `GET /health` for load balancers, and a stop that finishes the requests in
 * flight (including work after the ack) before it returns. Strangers are kept cheap: headers are
 * checked before the body is read, the body is streamed into the HMAC within a budget, slow
 * connections give way to new ones, and a replayed signed request is answered once.
 */
export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;
  /** The app's logger, from `init`. */
  private logger: Logger = console as unknown as Logger;
  private server: Server | undefined;
  private stopping = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly bodyLimit: number;
  private readonly now: () => number;
  private readonly limits: ConnectionLimits;
  private readonly budget: UnverifiedBudget;
  private slots: ConnectionSlots | undefined;
  private lastShedLog = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: SlackHttpReceiverOptions) {
    this.bodyLimit = options.bodyLimit ?? defaultBodyLimit;
    this.now = options.nowMilliseconds ?? Date.now;
    this.limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.limits };
    this.budget = new UnverifiedBudget(
      this.limits.unverifiedAllowanceBytes,
      this.limits.unverifiedSharedBytes,
    );
  }

  /** Figures for load runs and tests: connections open and cut, the most unverified body bytes held. */
  stats(): { open: number; shed: number; peakUnverifiedBytes: number } {
    return {
      open: this.slots?.size ?? 0,
      shed: this.slots?.shed ?? 0,
      peakUnverifiedBytes: this.budget.peak,
    };
  }

  init(app: App): void {
    this.app = app;
    this.logger = app.logger;
  }

  /** Listens on `port` (0 picks a free one) at `host` (all interfaces if not given); resolves with the port. */
  start(port: number, host?: string): Promise<number> {
    const { limits } = this;
    const server = createServer(
      {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        // Node checks the two timeouts above this often (30 s by default).
        connectionsCheckingInterval: 1_000,
      },
      (req, res) => this.handle(req, res),
    );
    const slots = new ConnectionSlots(limits.maxConnections, (count) => {
      if (this.now() - this.lastShedLog < SHED_LOG_INTERVAL_MS) return;
      this.lastShedLog = this.now();
      this.logger.warn(
        `Connections over the cap of ${limits.maxConnections}: the slowest unverified ones are cut (${count} since start)`,
      );
    });
    slots.attach(server);
    this.slots = slots;
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
    });
  }

  /**
   * Stops taking requests, waits for those in flight to finish, then closes every connection,
   * half-sent requests of slow clients included. The caller bounds the wait (main's shutdown timer).
   */
  async stop(): Promise<void> {
    this.stopping = true;
    const server = this.server;
    const closed = server
      ? new Promise<void>((resolve) => server.close(() => resolve()))
      : Promise.resolve();
    server?.closeIdleConnections();
    await Promise.allSettled([...this.inFlight]);
    server?.closeAllConnections();
    await closed;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === HEALTH_PATH) {
      if (this.options.details && HEALTH_DETAILS.test(req.url ?? "")) void this.details(res);
      else this.health(res);
      return;
    }
    if (this.options.routes?.(req, res)) return;
    if (req.method !== "POST" || path !== EVENTS_PATH) {
      res.writeHead(404).end();
      return;
    }
    // While stopping, Slack gets 503 and retries events later.
    if (this.stopping) {
      res.writeHead(503, { connection: "close" }).end();
      return;
    }
    const work = this.handleEvent(req, res).catch((error: unknown) => {
      this.logger.error(`Request failed: ${error instanceof Error ? error.message : error}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** /health with the details, which come from the shared state: at most a second's wait. */
  private async details(res: ServerResponse): Promise<void> {
    const { passages } = this.options.readiness();
    const ready = passages !== null && !this.stopping;
    let timer: NodeJS.Timeout | undefined;
    const details = await Promise.race([
      (this.options.details as () => Promise<unknown>)(),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve({ error: "no answer within 1000 ms" }), 1_000);
      }),
    ]).catch((error: unknown) => ({
      error: error instanceof Error ? error.message : String(error),
    }));
    clearTimeout(timer);
    res.writeHead(ready ? 200 : 503, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        status: ready ? "ok" : this.stopping ? "stopping" : "building",
        passages,
        details,
      }),
    );
  }

  private health(res: ServerResponse): void {
    const { passages } = this.options.readiness();
    const ready = passages !== null && !this.stopping;
    res.writeHead(ready ? 200 : 503, { "content-type": "application/json" });
    res.end(
      JSON.stringify(
        ready ? { status: "ok", passages } : { status: this.stopping ? "stopping" : "building" },
      ),
    );
  }

  private async handleEvent(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { logger } = this;
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > this.bodyLimit) {
      logger.warn(`Request body of ${declared} bytes refused (limit ${this.bodyLimit})`);
      res.writeHead(413, { connection: "close" }).end();
      req.resume();
      return;
    }
    // Refused before a byte of body is read: a stranger's upload costs nothing but the headers.
    const headers = checkSignatureHeaders({
      timestampHeader: req.headers["x-slack-request-timestamp"],
      signatureHeader: req.headers["x-slack-signature"],
      nowMilliseconds: this.now(),
    });
    if (!headers.ok) {
      logger.warn(`Request refused: ${headers.reason}`);
      refuse(res, 401);
      return;
    }
    const read = await readSignedBody(req, {
      limit: this.bodyLimit,
      budget: this.budget,
      hmac: startSignatureHmac(this.options.signingSecret, headers.timestamp),
      signature: headers.signature,
    });
    if (read.kind !== "verified") {
      const [status, reason] = REFUSALS[read.kind];
      logger.warn(`Request refused: ${reason}`);
      refuse(res, status);
      return;
    }
    // Held until the answer is sent: work after the ack runs on, but the connection is then idle.
    const release = this.slots?.holdVerified(req.socket);
    if (release) res.once("close", release);
    await this.dispatch(req, res, read.rawBody, headers.signature.toString("hex"));
  }

  private async dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    rawBody: Buffer,
    signature: string,
  ): Promise<void> {
    const { logger } = this;
    const contentType = req.headers["content-type"];
    // biome-ignore lint/suspicious/noExplicitAny: Slack's request bodies are untyped JSON or form data
    let body: any;
    try {
      body = parseSlackBody(contentType, rawBody.toString());
    } catch (error) {
      logger.warn(
        error instanceof SlackBodyError ? error.message : "Malformed request body refused",
      );
      res.writeHead(400).end();
      return;
    }
    if (body.ssl_check === "1") return HTTPModuleFunctions.buildSSLCheckResponse(res);
    // Answered while the index builds: Slack checks the request URL when it is saved.
    if (body.type === "url_verification")
      return HTTPModuleFunctions.buildUrlVerificationResponse(res, body);
    // While the index builds, Slack gets 503 and retries events later.
    if (this.options.readiness().passages === null) {
      res.writeHead(503, { connection: "close" }).end();
      return;
    }
    // Slack signs each delivery anew (its retries too): the same signature twice is a replay.
    if (this.options.claimRequest && !(await this.options.claimRequest(signature))) {
      logger.warn("A signed request was sent again (a replay): acked, not answered again");
      res.writeHead(200).end();
      return;
    }

    const buffered = Object.assign(req, { rawBody });
    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse: false,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
      // A request that failed before its ack was answered already (500): no second error later.
      unhandledRequestHandler: (args) => {
        if (!args.response.headersSent) HTTPModuleFunctions.defaultUnhandledRequestHandler(args);
      },
    });
    const retryNum = HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req);
    const retryReason = HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req);
    await this.app?.processEvent({
      body,
      ack: ack.bind(),
      ...(retryNum === undefined ? {} : { retryNum }),
      ...(retryReason === undefined ? {} : { retryReason }),
    });
  }
}

const REFUSALS = {
  mismatch: [401, "signature mismatch"],
  "too-large": [413, "request body over the limit"],
  "over-budget": [503, "too many unverified bodies held at once"],
  unreadable: [400, "request body could not be read"],
} as const;

/** Answers and closes the connection, so what the client still sends is not read. */
function refuse(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { connection: "close" }).end();
}

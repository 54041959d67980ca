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
import { DEFAULTS } from "../config.js";
import { parseSlackBody, SlackBodyError } from "./parse-slack-body.js";
import { verifySlackSignature } from "./verify-signature.js";

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
  /** Open connections at once; Node closes more at accept. */
  maxConnections: number;
  /** A request's headers must arrive within this (slowloris). */
  headersTimeoutMs: number;
  /** A whole request, body included, must arrive within this. */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxConnections: DEFAULTS.maxConnections,
  // Slack sends a request in one go: seconds are plenty, and a slow client is cut soon.
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
};

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  readiness: () => Readiness;
  bodyLimit?: number;
  nowMilliseconds?: () => number;
  limits?: Partial<ConnectionLimits>;
  /** What `GET /health?details` adds (the feeds' states); plain /health never reads it. */
  details?: () => Promise<unknown>;
}

/**
 * Bolt's HTTP transport, with what a production bot needs that Bolt's HTTPReceiver lacks: future
 * timestamps refused, `GET /health` for load balancers, and a stop that finishes the requests in
 * flight (including work after the ack) before it returns.
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

  constructor(private readonly options: SlackHttpReceiverOptions) {
    this.bodyLimit = options.bodyLimit ?? defaultBodyLimit;
    this.now = options.nowMilliseconds ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
    this.logger = app.logger;
  }

  /** Listens on `port` (0 picks a free one) at `host` (all interfaces if not given); resolves with the port. */
  start(port: number, host?: string): Promise<number> {
    const limits = { ...DEFAULT_CONNECTION_LIMITS, ...this.options.limits };
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
    server.maxConnections = limits.maxConnections;
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
    let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.bufferIncomingMessage>>;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, this.bodyLimit);
    } catch (error) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
      logger.warn(
        tooLarge ? "Request body over the limit refused" : "Request body could not be read",
      );
      res.writeHead(tooLarge ? 413 : 400, { connection: "close" }).end();
      return;
    }
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === "string" ? value : undefined;
    };
    const check = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      timestampHeader: header("x-slack-request-timestamp"),
      signatureHeader: header("x-slack-signature"),
      rawBody: buffered.rawBody.toString(),
      nowMilliseconds: this.now(),
    });
    if (!check.ok) {
      logger.warn(`Request refused: ${check.reason}`);
      res.writeHead(401).end();
      return;
    }
    // biome-ignore lint/suspicious/noExplicitAny: Slack's request bodies are untyped JSON or form data
    let body: any;
    try {
      body = parseSlackBody(header("content-type"), buffered.rawBody.toString());
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

    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse: false,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
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

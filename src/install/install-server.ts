import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * In Socket Mode Slack needs no public port, but a browser still does to install the app: this
 * serves the install routes alone on PORT. Same slow-client limits as the HTTP receiver.
 */
export class InstallServer {
  private server: Server | undefined;

  constructor(private readonly routes: (req: IncomingMessage, res: ServerResponse) => boolean) {}

  /** Listens on `port` (0 picks one) at `host`; resolves with the port. */
  start(port: number, host?: string): Promise<number> {
    const server = createServer(
      {
        headersTimeout: 5_000,
        requestTimeout: 10_000,
        keepAliveTimeout: 5_000,
        connectionsCheckingInterval: 1_000,
      },
      (req, res) => {
        if (!this.routes(req, res)) res.writeHead(404).end();
      },
    );
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
}

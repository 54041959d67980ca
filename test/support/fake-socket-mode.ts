import type { Server } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";

// Slack's side of Socket Mode, for tests: FakeSlack answers `apps.connections.open` with this
// WebSocket's URL; once the app connects it gets `hello`, then whatever envelopes a test sends,
// and every message the app sends back (its acks) is recorded.

/** What the app sent back over the socket: an ack, with the ack's payload if it had one. */
export interface SocketAck {
  envelope_id: string;
  // biome-ignore lint/suspicious/noExplicitAny: ack payloads are whatever the listener acked with
  payload?: any;
}

export class FakeSocketMode {
  readonly acks: SocketAck[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | undefined;
  private connected: Promise<WebSocket>;
  /** Connections the app has made, reconnects included. */
  connections = 0;

  constructor(server: Server) {
    this.connected = new Promise((resolve) => {
      this.wss.on("connection", (socket) => {
        this.socket = socket;
        this.connections += 1;
        socket.on("message", (data) => this.acks.push(JSON.parse(String(data)) as SocketAck));
        socket.send(
          JSON.stringify({
            type: "hello",
            num_connections: 1,
            connection_info: { app_id: "A1" },
            debug_info: { host: "fake", approximate_connection_time: 3600 },
          }),
        );
        resolve(socket);
      });
    });
    server.on("upgrade", (req, socket, head) => {
      if (req.url !== "/socket-mode") return void socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit("connection", ws, req));
    });
  }

  /** Resolves once the app has connected and been greeted. */
  async waitForConnection(): Promise<void> {
    await this.connected;
  }

  /** Sends an envelope as Slack does: `{envelope_id, type, payload, …}`. */
  send(envelope: Record<string, unknown>): void {
    if (!this.socket) throw new Error("FakeSocketMode: the app has not connected");
    this.socket.send(JSON.stringify(envelope));
  }

  /** Waits until the app has acked the envelope `id`, or fails after `timeoutMs`. */
  async waitForAck(id: string, timeoutMs = 3_000): Promise<SocketAck> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ack = this.acks.find((a) => a.envelope_id === id);
      if (ack) return ack;
      if (Date.now() > deadline) throw new Error(`FakeSocketMode: no ack for ${id}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Waits until the app has made `count` connections in all, or fails after `timeoutMs`. */
  async waitForConnections(count: number, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.connections < count) {
      if (Date.now() > deadline)
        throw new Error(`FakeSocketMode: ${this.connections} of ${count} connections`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /**
   * Drops the app's connection without a goodbye, as a network failure does. Answer the next
   * `apps.connections.open` with `{ok: false, error: "invalid_auth"}` (FakeSlack.fail) to play a
   * token revoked meanwhile.
   */
  drop(): void {
    for (const client of this.wss.clients) client.terminate();
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}

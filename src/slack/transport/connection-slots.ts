import type { Server } from "node:http";
import type { Socket } from "node:net";

interface Slot {
  /** Requests on this connection whose signature checked out and that are not answered yet. */
  verifiedInFlight: number;
  /** Whether this connection ever carried a request with a good signature. */
  everVerified: boolean;
}

/**
 * Keeps open connections at `cap` without letting strangers lock Slack out. Node's own
 * `maxConnections` refuses the newest connection once the cap is reached, so a few hundred slow
 * clients (slowloris) that never finish their headers keep Slack's requests out until they time
 * out, and they simply reconnect. Here a new connection over the cap is let in and the oldest
 * connection that is not carrying a verified request is cut instead: first one that never showed a
 * good signature, then an idle connection of Slack's own (Slack reconnects). A client that has not
 * proved who it is cannot hold a slot against one that is arriving; only when every slot is a
 * verified request in flight is the newcomer refused.
 */
export class ConnectionSlots {
  /** Open connections, oldest first (a Map keeps insertion order). */
  private readonly open = new Map<Socket, Slot>();
  /** Connections cut to make room, since start. */
  shed = 0;

  constructor(
    private readonly cap: number,
    private readonly onShed: (count: number) => void = () => {},
  ) {}

  /** Takes over the server's connection cap. */
  attach(server: Server): void {
    server.maxConnections = Number.POSITIVE_INFINITY;
    server.on("connection", (socket: Socket) => this.admit(socket));
  }

  /** Open connections now. */
  get size(): number {
    return this.open.size;
  }

  /**
   * Marks a request on `socket` as verified (its signature checked out) until the returned function
   * is called, when its answer is sent: while it runs its connection is never cut to make room.
   */
  holdVerified(socket: Socket): () => void {
    const slot = this.open.get(socket);
    if (!slot) return () => {};
    slot.verifiedInFlight++;
    slot.everVerified = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      slot.verifiedInFlight--;
    };
  }

  private admit(socket: Socket): void {
    this.open.set(socket, { verifiedInFlight: 0, everVerified: false });
    socket.once("close", () => this.open.delete(socket));
    if (this.open.size <= this.cap) return;
    const victim =
      this.oldest((s) => !s.everVerified) ?? this.oldest((s) => s.verifiedInFlight === 0);
    // The newcomer is a candidate too: when it is the oldest unverified one left, it goes.
    (victim ?? socket).destroy();
    this.shed++;
    this.onShed(this.shed);
  }

  private oldest(sheddable: (slot: Slot) => boolean): Socket | undefined {
    for (const [socket, slot] of this.open)
      if (slot.verifiedInFlight === 0 && sheddable(slot)) return socket;
    return undefined;
  }
}

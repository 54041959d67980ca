import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, buildConnector } from "undici";
import { type AddressGuard, createAddressGuard } from "./address-guard.js";

// The address guard sits where the connection is made, not where the URL is read: the name is
// resolved once, each address it resolves to is checked, and the socket connects to what was
// checked (net.connect uses this lookup's answer). A name that resolves to a public address at
// check time and a private one at connect time (DNS rebinding) therefore cannot slip through, and
// the socket's own remote address is checked once more before a byte is sent.

/** The connection was refused by the address guard; `reason` names the host and the address. */
export class BlockedAddressError extends Error {
  readonly code = "FETCH_BLOCKED_ADDRESS";
  readonly reason: string;

  constructor(reason: string) {
    super(`AddressGuard: ${reason}`);
    this.name = "BlockedAddressError";
    this.reason = reason;
  }
}

export interface GuardedAgentOptions {
  /** FETCH_ALLOW_HOSTS entries, `host:port`. */
  allowHosts: readonly string[];
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  /** Between two body chunks. */
  bodyTimeoutMs: number;
  /** How names resolve; the system's resolver unless a test says otherwise. */
  lookup?: typeof dnsLookup;
  /** Extra TLS options (a test's own certificate authority). */
  tls?: { ca?: string | Buffer };
}

function guardedLookup(
  resolve: typeof dnsLookup,
  guard: AddressGuard,
  port: number,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, "", 0);
        return;
      }
      const list = addresses as unknown as LookupAddress[];
      for (const { address } of list) {
        const reason = guard.refusal(address, hostname, port);
        if (reason !== null) {
          callback(new BlockedAddressError(reason), "", 0);
          return;
        }
      }
      if (options.all) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
        return;
      }
      const first = list[0];
      if (first === undefined) callback(new Error(`${hostname} resolves to no address`), "", 0);
      else callback(null, first.address, first.family);
    });
  };
}

/** An undici Agent whose every connection passes the address guard. */
export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  const guard = createAddressGuard(options.allowHosts);
  const resolve = options.lookup ?? dnsLookup;
  const base = { timeout: options.connectTimeoutMs, ...(options.tls ?? {}) };
  const connectors = new Map<string, buildConnector.connector>();
  const connectorFor = (allowed: boolean, port: number) => {
    const key = allowed ? "allowed" : `guarded:${port}`;
    let connector = connectors.get(key);
    if (connector === undefined) {
      connector = allowed
        ? buildConnector(base)
        : buildConnector({ ...base, lookup: guardedLookup(resolve, guard, port) });
      connectors.set(key, connector);
    }
    return connector;
  };
  const connect: buildConnector.connector = (opts, callback) => {
    const host = opts.hostname.replace(/^\[|\]$/g, "");
    const port = Number(opts.port) || (opts.protocol === "https:" ? 443 : 80);
    if (guard.isAllowedHost(host, port)) {
      connectorFor(true, port)(opts, callback);
      return;
    }
    // An address in the URL is never looked up: it is checked as it is.
    if (isIP(host) !== 0) {
      const reason = guard.refusal(host, host, port);
      if (reason !== null) {
        callback(new BlockedAddressError(reason), null);
        return;
      }
    }
    connectorFor(false, port)(opts, (error, socket) => {
      if (error !== null) {
        callback(error, null);
        return;
      }
      const remote = socket.remoteAddress;
      const reason =
        remote === undefined ? `${host}: no remote address` : guard.refusal(remote, host, port);
      if (reason !== null) {
        socket.destroy();
        callback(new BlockedAddressError(reason), null);
        return;
      }
      callback(null, socket);
    });
  };
  return new Agent({
    connect,
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
    connections: 4,
  });
}

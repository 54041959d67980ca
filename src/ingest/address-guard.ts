import { BlockList, isIP } from "node:net";

// The bot fetches URLs that editors and feeds name, from inside whatever network it runs in. A URL
// must not reach that network: its metadata service (169.254.169.254), its Redis, its admin pages.
// So every address the fetcher is about to connect to is checked here, after DNS, at every redirect;
// a `host:port` listed in FETCH_ALLOW_HOSTS is the only way past.

type Family = "ipv4" | "ipv6";

/** Each range that is not the public internet, by why it is refused. */
const RANGES: ReadonlyArray<
  readonly [reason: string, family: Family, prefix: string, bits: number]
> = [
  ["unspecified", "ipv4", "0.0.0.0", 8],
  ["private", "ipv4", "10.0.0.0", 8],
  ["carrier-grade NAT", "ipv4", "100.64.0.0", 10],
  ["loopback", "ipv4", "127.0.0.0", 8],
  ["link-local", "ipv4", "169.254.0.0", 16],
  ["private", "ipv4", "172.16.0.0", 12],
  ["reserved", "ipv4", "192.0.0.0", 24],
  ["reserved", "ipv4", "192.0.2.0", 24],
  ["private", "ipv4", "192.168.0.0", 16],
  ["reserved", "ipv4", "198.18.0.0", 15],
  ["reserved", "ipv4", "198.51.100.0", 24],
  ["reserved", "ipv4", "203.0.113.0", 24],
  ["multicast", "ipv4", "224.0.0.0", 4],
  ["reserved", "ipv4", "240.0.0.0", 4],
  ["unspecified", "ipv6", "::", 128],
  ["loopback", "ipv6", "::1", 128],
  ["private", "ipv6", "fc00::", 7],
  ["link-local", "ipv6", "fe80::", 10],
  ["link-local", "ipv6", "fec0::", 10],
  ["multicast", "ipv6", "ff00::", 8],
  ["reserved", "ipv6", "2001:db8::", 32],
  ["reserved", "ipv6", "100::", 64],
];

const BLOCKS: ReadonlyArray<readonly [reason: string, list: BlockList]> = (() => {
  const byReason = new Map<string, BlockList>();
  for (const [reason, family, prefix, bits] of RANGES) {
    let list = byReason.get(reason);
    if (list === undefined) {
      list = new BlockList();
      byReason.set(reason, list);
    }
    list.addSubnet(prefix, bits, family);
  }
  return [...byReason];
})();

/** The 16 bytes of an IPv6 address (`::`, an embedded dotted quad and a zone index allowed). */
function ipv6Bytes(address: string): number[] | null {
  const plain = address.replace(/%.*$/, "");
  let tail: number[] = [];
  let head = plain;
  const quad = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(plain);
  if (quad?.[1]) {
    tail = quad[1].split(".").map(Number);
    head = `${plain.slice(0, quad.index)}:0:0`;
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const left = groups(halves[0]);
  const right = groups(halves[1]);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const all = [...left, ...Array<string>(missing).fill("0"), ...right];
  const bytes: number[] = [];
  for (const group of all) {
    const value = Number.parseInt(group, 16);
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    bytes.push(value >> 8, value & 0xff);
  }
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

/**
 * The IPv4 address an IPv6 one carries, for the forms that reach an IPv4 host: IPv4-mapped
 * (`::ffff:127.0.0.1`), IPv4-compatible (`::127.0.0.1`), NAT64 (`64:ff9b::/96`) and 6to4 (`2002::/16`).
 */
function embeddedIpv4(address: string): string | null {
  const bytes = ipv6Bytes(address);
  if (bytes === null) return null;
  const quad = (from: number) => bytes.slice(from, from + 4).join(".");
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return quad(12);
  if (zeros(0, 12) && !zeros(12, 14)) return quad(12);
  if (
    bytes[0] === 0 &&
    bytes[1] === 0x64 &&
    bytes[2] === 0xff &&
    bytes[3] === 0x9b &&
    zeros(4, 12)
  ) {
    return quad(12);
  }
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return quad(2);
  return null;
}

/**
 * Why an IP address is not one the bot may connect to (`loopback`, `private`, `link-local`,
 * `carrier-grade NAT`, `multicast`, `unspecified`, `reserved`), or null for a public address.
 * Something that is not an IP address at all is refused too.
 */
export function blockedAddressReason(address: string): string | null {
  const version = isIP(address.replace(/%.*$/, ""));
  if (version === 0) return "not an IP address";
  const family: Family = version === 4 ? "ipv4" : "ipv6";
  const plain = address.replace(/%.*$/, "");
  if (family === "ipv6") {
    const inner = embeddedIpv4(plain);
    if (inner !== null) {
      const reason = blockedAddressReason(inner);
      if (reason !== null) return `${reason} (inside an IPv6 address)`;
    }
  }
  for (const [reason, list] of BLOCKS) if (list.check(plain, family)) return reason;
  return null;
}

/** `host:port` as FETCH_ALLOW_HOSTS writes it: host lower-cased, IPv6 in brackets. */
export function hostPortKey(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return isIP(bare) === 6 ? `[${bare}]:${port}` : `${bare}:${port}`;
}

export interface AddressGuard {
  /** Whether FETCH_ALLOW_HOSTS lets `host:port` through unchecked. */
  isAllowedHost(host: string, port: number): boolean;
  /** Why connecting to `address` for `host:port` is refused, or null when it may go ahead. */
  refusal(address: string, host: string, port: number): string | null;
}

/** The guard for one set of FETCH_ALLOW_HOSTS entries (`host:port`). */
export function createAddressGuard(allowHosts: readonly string[]): AddressGuard {
  const allowed = new Set(
    allowHosts.map((entry) => {
      const at = entry.lastIndexOf(":");
      return hostPortKey(entry.slice(0, at), Number(entry.slice(at + 1)));
    }),
  );
  const isAllowedHost = (host: string, port: number) => allowed.has(hostPortKey(host, port));
  return {
    isAllowedHost,
    refusal(address, host, port) {
      if (isAllowedHost(host, port)) return null;
      const reason = blockedAddressReason(address);
      if (reason === null) return null;
      return host === address
        ? `${host} is a ${reason} address`
        : `${host} is at ${address}, a ${reason} address`;
    },
  };
}

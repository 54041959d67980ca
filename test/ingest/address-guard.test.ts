import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blockedAddressReason, createAddressGuard } from "../../src/ingest/address-guard.js";

describe("blockedAddressReason", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.45.0.3", "loopback"],
    ["::1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["fd12:3456::1", "private"],
    ["169.254.169.254", "link-local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.254", "carrier-grade NAT"],
    ["224.0.0.251", "multicast"],
    ["ff02::1", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["::ffff:127.0.0.1", "loopback (inside an IPv6 address)"],
    ["::ffff:7f00:1", "loopback (inside an IPv6 address)"],
    ["::ffff:169.254.169.254", "link-local (inside an IPv6 address)"],
    ["::ffff:10.0.0.1", "private (inside an IPv6 address)"],
    ["64:ff9b::a9fe:a9fe", "link-local (inside an IPv6 address)"],
    ["2002:c0a8:0101::1", "private (inside an IPv6 address)"],
  ])("refuses %s as %s", (address, reason) => {
    expect(blockedAddressReason(address)).toBe(reason);
  });

  it.each([
    "93.184.215.14",
    "8.8.8.8",
    "172.32.0.1",
    "100.128.0.1",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
  ])("lets the public address %s through", (address) => {
    expect(blockedAddressReason(address)).toBeNull();
  });

  it("refuses what is not an IP address", () => {
    expect(blockedAddressReason("localhost")).toBe("not an IP address");
  });

  it("refuses every IPv4-mapped form of every 127/8 and 10/8 address", () => {
    fc.assert(
      fc.property(fc.constantFrom(127, 10), fc.nat(255), fc.nat(255), fc.nat(255), (a, b, c, d) => {
        expect(blockedAddressReason(`::ffff:${a}.${b}.${c}.${d}`)).not.toBeNull();
        const hex = (x: number, y: number) => ((x << 8) | y).toString(16);
        expect(blockedAddressReason(`::ffff:${hex(a, b)}:${hex(c, d)}`)).not.toBeNull();
      }),
    );
  });
});

describe("createAddressGuard", () => {
  const guard = createAddressGuard(["127.0.0.1:8080", "[::1]:9000", "Site.Example:443"]);

  it("lets through exactly the host:port pairs of FETCH_ALLOW_HOSTS", () => {
    expect(guard.refusal("127.0.0.1", "127.0.0.1", 8080)).toBeNull();
    expect(guard.refusal("::1", "::1", 9000)).toBeNull();
    expect(guard.refusal("10.0.0.5", "site.example", 443)).toBeNull();
    expect(guard.refusal("127.0.0.1", "127.0.0.1", 8081)).toBe("127.0.0.1 is a loopback address");
    expect(guard.refusal("10.0.0.5", "site.example", 80)).toBe(
      "site.example is at 10.0.0.5, a private address",
    );
  });

  it("refuses a name that resolves to the metadata service", () => {
    expect(guard.refusal("169.254.169.254", "metadata.example", 80)).toBe(
      "metadata.example is at 169.254.169.254, a link-local address",
    );
  });
});

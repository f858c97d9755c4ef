import dns from 'node:dns';
import net from 'node:net';

/**
 * Addresses a harvester must not reach: loopback, private, link-local, carrier-grade NAT, multicast, reserved and
 * documentation ranges. A sources file (or a page it links to, or a redirect) could otherwise point nianbao at the
 * machine it runs on or its network. The check is made on the address actually connected to (the lookup of every
 * request, redirects included), so a name that resolves differently the second time gains nothing.
 */

const blocked = new net.BlockList();
for (const [addr, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(addr, prefix, 'ipv4');
for (const [addr, prefix] of [
  ['::', 128], ['::1', 128], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(addr, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
function embeddedIpv4(addr: string): string | undefined {
  const m = /^(?:::ffff:|64:ff9b::)(?:0{1,4}:)?([\d.]+|[0-9a-f]{1,4}:[0-9a-f]{1,4})$/i.exec(addr);
  if (!m) return undefined;
  const tail = m[1]!;
  if (net.isIPv4(tail)) return tail;
  const [hi, lo] = tail.split(':').map((h) => Number.parseInt(h, 16)) as [number, number];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

export function isPrivateAddress(address: string): boolean {
  const addr = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = net.isIP(addr);
  if (family === 4) return blocked.check(addr, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(addr);
    return v4 !== undefined ? blocked.check(v4, 'ipv4') : blocked.check(addr, 'ipv6');
  }
  return false;
}

export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATE';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A drop-in for dns.lookup as http.request's `lookup` option that fails for private addresses. Node calls it with
 * `all: true` when it races IPv4 and IPv6 (autoSelectFamily), with a single answer otherwise.
 */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, options.all ? [] : '');
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) return callback(new PrivateAddressError(`${hostname} resolves to ${bad.address}, a private or local address (--allow-private-network allows it)`), options.all ? [] : '');
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), '');
    callback(null, first.address, first.family);
  });
}


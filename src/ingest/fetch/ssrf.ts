// The SSRF guard: which addresses the fetcher may connect to. It runs twice: on literal IP hosts in
// every URL (including each redirect target) before any connection, and inside the DNS lookup the
// socket itself uses, so the address checked is the address connected to (no rebinding window).

import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { BlockedAddressError, FetchError } from "./errors.ts";

/** IPv4 ranges that are publicly routable; everything else ipaddr.js names is refused. */
const PUBLIC_V4_RANGES = new Set(["unicast", "as112", "amt"]);

/** IPv6 ranges that are publicly routable once any embedded IPv4 address has been checked. */
const PUBLIC_V6_RANGES = new Set([
  "unicast",
  "amt",
  "as112v6",
  "ipv4Mapped",
  "rfc6145",
  "rfc6052",
  "6to4",
  "teredo",
]);

/** Lower-cased, without IPv6 brackets or a trailing root dot, IP literals in canonical form. */
export function normaliseHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith("[") && h.endsWith("]")) h = h.slice(1, -1);
  if (h.endsWith(".")) h = h.slice(0, -1);
  if (ipaddr.isValid(h)) return ipaddr.parse(h).toString();
  return h;
}

export type AllowList = ReadonlySet<string>;

export function makeAllowList(hosts: readonly string[]): AllowList {
  return new Set(hosts.map(normaliseHost));
}

/** RFC 8215 local-use NAT64: local by definition, its IPv4 address anywhere in the low 80 bits. */
const LOCAL_NAT64 = ipaddr.parseCIDR("64:ff9b:1::/48");

function v4FromParts(hi: number, lo: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

/** IPv4 addresses carried inside an IPv6 address (mapped, compatible, NAT64, 6to4, Teredo). */
function embeddedV4(addr: ipaddr.IPv6, range: string): ipaddr.IPv4[] {
  const p = addr.parts as number[];
  const last = v4FromParts(p[6]!, p[7]!);
  if (range === "ipv4Mapped" || range === "rfc6145" || range === "rfc6052") return [last];
  if (range === "6to4") return [v4FromParts(p[1]!, p[2]!)];
  // Teredo: server address in clear, client address obfuscated by XOR with all ones.
  if (range === "teredo")
    return [v4FromParts(p[2]!, p[3]!), v4FromParts(~p[6]! & 0xffff, ~p[7]! & 0xffff)];
  // IPv4-compatible (::a.b.c.d, deprecated): the first 96 bits are zero.
  if (p.slice(0, 6).every((x) => x === 0)) return [last];
  return [];
}

/** Why an IP address must not be fetched ("loopback", "private", ...), or null when it is public. */
export function blockedRange(ip: string): string | null {
  if (!ipaddr.isValid(ip)) return "not an IP address";
  const addr = ipaddr.parse(ip);
  if (addr.kind() === "ipv4") {
    const range = addr.range();
    return PUBLIC_V4_RANGES.has(range) ? null : range;
  }
  const v6 = addr as ipaddr.IPv6;
  if (v6.match(LOCAL_NAT64)) return "localNat64";
  const range = v6.range();
  if (!PUBLIC_V6_RANGES.has(range)) return range;
  for (const v4 of embeddedV4(v6, range)) {
    const inner = v4.range();
    if (!PUBLIC_V4_RANGES.has(inner)) return `${range} embedding ${inner} ${v4.toString()}`;
  }
  return null;
}

/**
 * Refuses a URL whose host is a blocked IP literal. The WHATWG URL parser has already turned
 * decimal (2130706433), hex (0x7f.1) and short (127.1) IPv4 forms into dotted quads.
 */
export function checkUrlHost(url: URL, allow: AllowList, shownAs: string = url.href): void {
  const host = normaliseHost(url.hostname);
  if (allow.has(host) || !ipaddr.isValid(host)) return;
  const why = blockedRange(host);
  if (why) throw new FetchError("ssrf", shownAs, `refused address ${host} (${why})`);
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** Wraps a DNS lookup so that blocked addresses are dropped; if none is left the connect fails. */
export function guardedLookup(allow: AllowList, base: LookupFunction = dnsLookup): LookupFunction {
  return ((hostname: string, options: LookupOptions, callback: LookupCallback) => {
    const hostAllowed = allow.has(normaliseHost(hostname));
    base(hostname, { ...options, all: true }, (err, result, family) => {
      if (err) return callback(err, "");
      const found: LookupAddress[] = Array.isArray(result)
        ? result
        : [{ address: result, family: family ?? (result.includes(":") ? 6 : 4) }];
      const usable = found.filter(
        (a) => hostAllowed || allow.has(normaliseHost(a.address)) || !blockedRange(a.address),
      );
      if (usable.length === 0) {
        const first = found[0]?.address ?? "(none)";
        const range = blockedRange(first) ?? "not allowed";
        return callback(new BlockedAddressError(hostname, first, range), "");
      }
      if (options.all) return callback(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  }) as LookupFunction;
}

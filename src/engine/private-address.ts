/**
 * Addresses a run must not be sent to behind the person's back: loopback, private (RFC 1918),
 * link-local, unique-local (fc00::/7) and unspecified ones. A server on the internet that names
 * such an address (in its metadata, a registration endpoint, a redirect) would make the debugger
 * reach into the person's own network and show the answers.
 *
 * Host names arrive here as the WHATWG URL parser wrote them, which already turns the decimal,
 * octal and hex spellings of IPv4 (`2130706433`, `0177.0.0.1`, `0x7f.1`) into dotted decimal,
 * and IPv4-mapped IPv6 into `::ffff:7f00:1`. DNS names are resolved by the transport.
 */
export type AddressClass = 'loopback' | 'private' | 'link-local' | 'unique-local' | 'unspecified';

function ipv4Class(address: string): AddressClass | undefined {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  const [a = 0, b = 0] = parts;
  if (a === 127) return 'loopback';
  if (a === 0) return 'unspecified';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  return undefined;
}

/** The eight 16-bit groups of an IPv6 address, or undefined when it is not one. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address;
  // A trailing dotted IPv4 part (::ffff:127.0.0.1) becomes two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const bytes = v4[1].split('.').map(Number);
    text = `${text.slice(0, -v4[1].length)}${(((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)).toString(16)}:${(((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail].map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN));
  return groups.length === 8 && groups.every((g) => !Number.isNaN(g)) ? groups : undefined;
}

function ipv6Class(address: string): AddressClass | undefined {
  const groups = ipv6Groups(address);
  if (!groups) return undefined;
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const leadingZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (leadingZero && g5 === 0 && g6 === 0 && g7 === 1) return 'loopback';
  if (leadingZero && g5 === 0 && g6 === 0 && g7 === 0) return 'unspecified';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible forms: judged as the IPv4 address.
  if (leadingZero && (g5 === 0xffff || g5 === 0)) return ipv4Class(`${g6 >> 8}.${g6 & 0xff}.${g7 >> 8}.${g7 & 0xff}`);
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  return undefined;
}

/** The class of an IP address literal (IPv6 with or without brackets), or undefined for a public one or a name. */
export function addressClass(address: string): AddressClass | undefined {
  const bare = address.replace(/^\[|\]$/g, '');
  return bare.includes(':') ? ipv6Class(bare) : ipv4Class(bare);
}

export function isIpLiteral(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return bare.includes(':') ? ipv6Groups(bare) !== undefined : /^\d+\.\d+\.\d+\.\d+$/.test(bare);
}

/** A run that starts on loopback (the lab, a local server) is not held to the private-address rule. */
export function startsOnLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || addressClass(hostname) === 'loopback';
}

/** The finding a request the private-address rule did not send becomes (see steps/json-document.ts). */
export const PRIVATE_HOP_FINDING = 'http.private-hop';

/**
 * True when the run stopped on a refused private hop: going on then means allowing private
 * addresses, not lenient mode (engine/actions.ts continueLeniently, and the button that offers it).
 */
export function stoppedOnPrivateHop(status: { kind: string; findingId?: string } | undefined): boolean {
  return status?.kind === 'stopped' && status.findingId === PRIVATE_HOP_FINDING;
}

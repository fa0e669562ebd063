// The visitor's address, for throttling and the session list. Behind a reverse
// proxy (TRUST_PROXY=on) every connection comes from the proxy, so the address
// is the one the proxy put last in X-Forwarded-For: the address it saw itself.
// Earlier entries are whatever the client claimed and are never believed.
// Without TRUST_PROXY the header is ignored: anyone could write it.
import type { IncomingMessage } from 'node:http';

/** `::ffff:10.0.0.1` and `10.0.0.1` are one IPv4 address. */
function normalize(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const socket = normalize(req.socket.remoteAddress ?? 'unknown');
  if (!trustProxy) return socket;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  const last = hops.at(-1);
  // A proxy hop is an address, perhaps with a port; anything else is not one a proxy wrote.
  return last && /^[0-9a-fA-F:.[\]]{2,64}$/.test(last) ? normalize(last) : socket;
}

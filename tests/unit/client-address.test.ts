// The visitor's address behind a proxy: only what the proxy itself appended to
// X-Forwarded-For counts, and only with TRUST_PROXY; a client's own claims never do.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../api/http/client-address';

const request = (remoteAddress: string, forwardedFor?: string | string[]) =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('takes the socket address without TRUST_PROXY, whatever the header says', () => {
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), false)).toBe('203.0.113.9');
  });

  it('takes the address the proxy appended last with TRUST_PROXY', () => {
    expect(clientAddress(request('10.0.0.2', '198.51.100.7'), true)).toBe('198.51.100.7');
    // The client wrote the first entry itself; nginx appended the address it saw.
    expect(clientAddress(request('10.0.0.2', '192.0.2.66, 198.51.100.7'), true)).toBe('198.51.100.7');
    expect(clientAddress(request('10.0.0.2', ['192.0.2.66', '2001:db8::7']), true)).toBe('2001:db8::7');
  });

  it('falls back to the socket when the proxy sent nothing usable, and reads IPv4-mapped addresses as IPv4', () => {
    expect(clientAddress(request('::ffff:10.0.0.2'), true)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', 'not an address; drop table'), true)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '::ffff:198.51.100.7'), true)).toBe('198.51.100.7');
  });
});

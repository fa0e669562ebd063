// The browser-side defences every response carries (SPA, API, files, errors):
// a strict Content-Security-Policy, no MIME sniffing, no framing, no referrer
// beyond our origin, and HSTS once the cabinet is reached over TLS.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

/**
 * Only our own scripts, styles, images and connections (tRPC, uploads, the SSE
 * stream at /api/live). What the built cabinet needs beyond 'self':
 * - img-src data: — the empty favicon `data:,` in web/index.html;
 * - style-src-attr 'unsafe-inline' — Solid compiles `style={{ margin: 0 }}` into
 *   style attributes of its templates. Attributes cannot run script; <style> and
 *   stylesheets stay 'self' only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** One year; no includeSubDomains: other hosts of the company are not ours to pin. */
export const HSTS = 'max-age=31536000';

export interface SecurityHeaderOptions {
  publicUrl: string;
  /** Believe X-Forwarded-Proto from the reverse proxy in front of us (TRUST_PROXY=on). */
  trustProxy: boolean;
}

export function securityHeaders(opts: SecurityHeaderOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const publicTls = new URL(opts.publicUrl).protocol === 'https:';
  const overTls = (req: IncomingMessage) => {
    if (publicTls || (req.socket as Partial<TLSSocket>).encrypted) return true;
    if (!opts.trustProxy) return false;
    const forwarded = req.headers['x-forwarded-proto'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
    return first === 'https';
  };
  return (req, res) => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    // For browsers that predate frame-ancestors.
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'same-origin');
    if (overTls(req)) res.setHeader('strict-transport-security', HSTS);
  };
}

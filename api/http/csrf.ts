// CSRF protection as in Lucia's guide: a state-changing request must come from
// our own origin. Browsers send Origin on every POST and Sec-Fetch-Site when
// they know it; a request with neither is refused too.
import type { IncomingMessage } from 'node:http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isCrossSiteRequest(req: IncomingMessage, allowedOrigins: ReadonlySet<string>): boolean {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return false;
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowedOrigins.has(origin)) return false;
  // Also accept the origin the request itself was addressed to (any host name of this server).
  const host = req.headers.host;
  return !host || (origin !== `http://${host}` && origin !== `https://${host}`);
}

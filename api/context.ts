// Per-request context: the services, the caller's session and cookie setters.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Client } from '@temporalio/client';
import { validateSessionToken, type ValidSession } from '../auth/sessions';
import type { ThrottleRules } from '../auth/throttle';
import type { ResolvedTerms } from '../domain/regulations';
import type { Db } from '../db';
import { clearedSessionCookie, parseCookies, SESSION_COOKIE, sessionCookie } from './http/cookies';
import { isServiceUnavailable, serviceUnavailable } from './http/unavailable';
import { clientAddress } from './http/client-address';

export interface ApiServices {
  db: Db;
  temporal: Client;
  taskQueue: string;
  publicUrl: string;
  throttle: ThrottleRules;
  /** The regulations table new cases start with. */
  terms: ResolvedTerms;
  paymentsMode: 'test' | 'bank';
  /** Temporal Web UI base for links from the audit screens; absent when no UI is known. */
  temporalUiUrl?: string;
  /** TRUST_PROXY=on: the client address comes from the proxy's X-Forwarded-For (api/http/client-address.ts). */
  trustProxy?: boolean;
}

export interface Context extends ApiServices {
  session: ValidSession | null;
  ip: string;
  userAgent: string;
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

function appendSetCookie(res: ServerResponse, cookie: string) {
  const previous = res.getHeader('set-cookie');
  const list = Array.isArray(previous) ? previous : previous ? [String(previous)] : [];
  res.setHeader('set-cookie', [...list, cookie]);
}

export async function createContext(services: ApiServices, req: IncomingMessage, res: ServerResponse): Promise<Context> {
  const secure = services.publicUrl.startsWith('https://');
  const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
  const session = token
    ? await validateSessionToken(services.db, token).catch((error: unknown) => {
        throw isServiceUnavailable(error) ? serviceUnavailable(error) : error;
      })
    : null;
  if (token && !session) appendSetCookie(res, clearedSessionCookie(secure));
  if (token && session?.renewed) appendSetCookie(res, sessionCookie(token, session.expiresAt, secure));
  return {
    ...services,
    session,
    ip: clientAddress(req, services.trustProxy ?? false),
    userAgent: String(req.headers['user-agent'] ?? ''),
    setSessionCookie: (t, expiresAt) => appendSetCookie(res, sessionCookie(t, expiresAt, secure)),
    clearSessionCookie: () => appendSetCookie(res, clearedSessionCookie(secure)),
  };
}

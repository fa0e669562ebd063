// The session check of the raw HTTP routes (uploads and downloads, the audit
// history download, the Temporal codec, the live stream): the same rules as the
// tRPC procedure builders (api/trpc.ts) and the same role groups (domain/roles.ts),
// so a route cannot drift from the procedures by checking roles its own way.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { validateSessionToken, type SessionUser, type ValidSession } from '../../auth/sessions';
import type { Db } from '../../db';
import { inGroup, type RoleGroup } from '../../domain/roles';
import { clearedSessionCookie, parseCookies, SESSION_COOKIE, sessionCookie } from './cookies';

export interface SessionRouteDeps {
  db: Db;
  publicUrl: string;
}

export interface SessionRequirement {
  /** The role group the caller must be in; absent: any logged-in user. */
  group?: RoleGroup;
  /** Let in a user who has not yet changed an e-mailed temporary password (the live stream). */
  temporaryPassword?: boolean;
  /** Also take the session token as `Authorization: Bearer <token>` (the Temporal Web UI's codec calls). */
  bearer?: boolean;
}

export type SessionRefusal = { ok: false; status: 401 | 403; reason: 'unauthorized' | 'passwordChange' | 'forbidden'; message: string };
export type SessionCheck = { ok: true; session: ValidSession; user: SessionUser } | SessionRefusal;

export const SESSION_MESSAGES = {
  unauthorized: 'Войдите в личный кабинет',
  passwordChange: 'Сначала смените временный пароль',
  forbidden: 'Недостаточно прав для этого действия',
} as const;

const refusal = (status: 401 | 403, reason: SessionRefusal['reason']): SessionRefusal => ({ ok: false, status, reason, message: SESSION_MESSAGES[reason] });

/**
 * The caller's session if it meets the requirement, or why not (the route sends the refusal in its own form).
 * Like the tRPC context, it renews the cookie of a session it slid forward and clears one that is no longer valid.
 */
export async function requireSession(deps: SessionRouteDeps, req: IncomingMessage, res: ServerResponse, requirement: SessionRequirement = {}): Promise<SessionCheck> {
  const bearer = requirement.bearer ? /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1] : undefined;
  const cookieToken = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
  const token = bearer ?? cookieToken;
  const session = token ? await validateSessionToken(deps.db, token) : null;
  if (!bearer && cookieToken) {
    const secure = deps.publicUrl.startsWith('https://');
    if (!session) res.setHeader('set-cookie', clearedSessionCookie(secure));
    else if (session.renewed) res.setHeader('set-cookie', sessionCookie(cookieToken, session.expiresAt, secure));
  }
  if (!session) return refusal(401, 'unauthorized');
  if (!requirement.temporaryPassword && session.user.mustChangePassword) return refusal(403, 'passwordChange');
  if (requirement.group && !inGroup(session.user.role, requirement.group)) return refusal(403, 'forbidden');
  return { ok: true, session, user: session.user };
}

// Sessions after Lucia's guide: the client holds a random token, the database
// only its SHA-256; sessions slide forward while used and die with the account.
import { QueryTypes } from 'sequelize';
import type { Db } from '../db';
import type { User, UserRecord } from '../db/models';
import type { Authority } from '../domain/representation';
import { columnsOf, selectRows } from '../db/statements';
import { generateSessionToken, sessionIdFromToken } from './tokens';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** Past half its life a used session is extended, so active users stay logged in. */
const RENEW_WHEN_LEFT_MS = 15 * DAY;

/** The session's user with the powers of attorney in force that name it as representative (domain/case-access.ts). */
export type SessionUser = UserRecord & { representing: Authority[] };

export interface ValidSession {
  id: string;
  expiresAt: Date;
  /** Read with the session in one query; a plain record, since building a model instance per request cost more CPU than the query. */
  user: SessionUser;
  /** True when the expiry moved and the cookie must be re-sent. */
  renewed: boolean;
}

export async function createSession(db: Db, userId: string, meta: { ip?: string; userAgent?: string } = {}): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await db.Session.create({ id: sessionIdFromToken(token), userId, expiresAt, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null });
  return { token, expiresAt };
}

/**
 * The powers of attorney in force naming the user `u` as representative: verified, not revoked, and
 * today (in Moscow) within their term; an individual principal's account must still be open. Read on
 * every request, so a revocation or the end of the term takes effect at once.
 */
const AUTHORITIES_IN_FORCE = `coalesce((
  SELECT json_agg(json_build_object('poaId', p.id, 'number', p.number, 'principalId', p.principal_id, 'organisationId', p.organisation_id,
                                    'principalName', p.principal_name, 'validUntil', p.valid_until,
                                    'principalKind', coalesce((SELECT o.kind FROM organisations o WHERE o.id = p.organisation_id), (SELECT pu.kind FROM users pu WHERE pu.id = p.principal_id)))
                  ORDER BY p.principal_name, p.id)
    FROM powers_of_attorney p
   WHERE p.representative_id = u.id AND p.verified_at IS NOT NULL AND p.revoked_at IS NULL
     AND (now() AT TIME ZONE 'Europe/Moscow')::date BETWEEN p.issued_on AND p.valid_until
     AND (p.organisation_id IS NOT NULL OR EXISTS (SELECT 1 FROM users pu WHERE pu.id = p.principal_id AND pu.blocked_at IS NULL))
), '[]'::json)`;

export async function validateSessionToken(db: Db, token: string): Promise<ValidSession | null> {
  const id = sessionIdFromToken(token);
  // One round trip for every request that carries a cookie: the session with its user and the user's authorities.
  const [row] = await selectRows<User, { sessionExpiresAt: Date; representing: Authority[] }>(
    db,
    db.User,
    `SELECT ${columnsOf(db.User, 'u')}, s.expires_at AS "sessionExpiresAt", ${AUTHORITIES_IN_FORCE} AS representing
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
    [id],
  );
  if (!row) return null;
  const { sessionExpiresAt, ...user } = row;
  const now = Date.now();
  if (now >= sessionExpiresAt.getTime()) {
    await invalidateSession(db, id);
    return null;
  }
  if (user.blockedAt) return null;
  let expiresAt = sessionExpiresAt;
  let renewed = false;
  if (now >= expiresAt.getTime() - RENEW_WHEN_LEFT_MS) {
    expiresAt = new Date(now + SESSION_LIFETIME_MS);
    await db.Session.update({ expiresAt }, { where: { id } });
    renewed = true;
  }
  return { id, expiresAt, user, renewed };
}

/** Whether a session still stands (not ended, not expired, its user not blocked): open live streams re-check with it. */
export async function sessionStillValid(db: Db, sessionId: string): Promise<boolean> {
  const [row] = await db.sequelize.query<{ valid: boolean }>(
    'SELECT (s.expires_at > now() AND u.blocked_at IS NULL) AS valid FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1',
    { bind: [sessionId], type: QueryTypes.SELECT },
  );
  return row?.valid === true;
}

/**
 * Every API process LISTENs here (api/http/live.ts) and ends the open live
 * streams of sessions that were ended, whichever process ended them.
 */
export const SESSIONS_ENDED_CHANNEL = 'kabinet_sessions_ended';

export interface SessionsEnded {
  sessionId?: string;
  userId?: string;
}

async function announceEnded(db: Db, ended: SessionsEnded): Promise<void> {
  await db.sequelize.query('SELECT pg_notify($1, $2)', { bind: [SESSIONS_ENDED_CHANNEL, JSON.stringify(ended)] });
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.Session.destroy({ where: { id: sessionId } });
  await announceEnded(db, { sessionId });
}

/** Logout everywhere, a password change, blocking: every session of the user ends, its open streams too. */
export async function invalidateUserSessions(db: Db, userId: string): Promise<number> {
  const ended = await db.Session.destroy({ where: { userId } });
  await announceEnded(db, { userId });
  return ended;
}

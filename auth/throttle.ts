// Brute-force protection: failures counted per key (account, address) in Postgres,
// so every API process sees the same counts; too many in a window lock the key.
import type { Sequelize } from 'sequelize';
import { QueryTypes } from 'sequelize';

export interface ThrottleRule {
  limit: number;
  windowMs: number;
  lockMs: number;
}

/**
 * Per account (per e-mail) first: a password guesser or a mail bomber aims at
 * accounts. Per address only a generous ceiling: an МФЦ, an office or a
 * carrier-grade NAT puts many honest people behind one address, and a tight
 * per-address limit there locks them all out (behind a reverse proxy without
 * TRUST_PROXY, the whole site).
 */
export const DEFAULT_THROTTLE_RULES = {
  /** Failed logins of one account. */
  account: { limit: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  /** Failed logins from one address, whatever the account: stops spraying, not an office. */
  ip: { limit: 200, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  /** Registration and recovery send e-mail: a few per address of mail an hour, so nobody mail-bombs a mailbox through us. */
  mailRequest: { limit: 5, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
  /** Registration and recovery requests from one address an hour: room for a service centre registering people all day. */
  mailRequestIp: { limit: 1000, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
} satisfies Record<string, ThrottleRule>;

export type ThrottleRules = Record<keyof typeof DEFAULT_THROTTLE_RULES, ThrottleRule>;

/** Returns the time until which the key is locked, or null. */
export async function lockedUntil(sequelize: Sequelize, key: string): Promise<Date | null> {
  const rows = await sequelize.query<{ locked_until: Date | null }>('SELECT locked_until FROM auth_throttle WHERE key = $1', { bind: [key], type: QueryTypes.SELECT });
  const until = rows[0]?.locked_until;
  return until && until.getTime() > Date.now() ? until : null;
}

/** Counts one failure (or one request); returns the lock end when this one crossed the limit. */
export async function recordHit(sequelize: Sequelize, key: string, rule: ThrottleRule): Promise<Date | null> {
  const rows = await sequelize.query<{ locked_until: Date | null }>(
    `INSERT INTO auth_throttle AS t (key, failures, window_start) VALUES ($1, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN t.window_start < now() - $2 * interval '1 millisecond' THEN 1 ELSE t.failures + 1 END,
       window_start = CASE WHEN t.window_start < now() - $2 * interval '1 millisecond' THEN now() ELSE t.window_start END
     RETURNING failures, locked_until`,
    { bind: [key, rule.windowMs], type: QueryTypes.SELECT },
  );
  const failures = (rows[0] as unknown as { failures: number }).failures;
  if (failures < rule.limit) return null;
  const until = new Date(Date.now() + rule.lockMs);
  await sequelize.query('UPDATE auth_throttle SET locked_until = $2, failures = 0, window_start = now() WHERE key = $1', { bind: [key, until] });
  return until;
}

export async function clearHits(sequelize: Sequelize, key: string): Promise<void> {
  await sequelize.query('DELETE FROM auth_throttle WHERE key = $1', { bind: [key] });
}

// The commands no Sequelize model can say: the case counter's upsert and the
// advisory lock that holds an id which has no row yet. Every other command goes
// through the models (db/models/).
import { QueryTypes, type Transaction } from 'sequelize';
import type { Db } from '.';

/** The next sequence of the year for a kind of case, allocated in the caller's transaction (no gaps on rollback). */
export async function nextCaseSequence(db: Db, kind: 'application' | 'appeal', year: number, transaction: Transaction): Promise<number> {
  const [row] = await db.sequelize.query<{ last: number }>(
    `INSERT INTO case_counters (kind, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (kind, year) DO UPDATE SET last = case_counters.last + 1 RETURNING last`,
    { bind: [kind, year], type: QueryTypes.SELECT, transaction },
  );
  return row!.last;
}

/** Holds `key` until the transaction ends: a second transaction locking the same key waits for the first to commit. */
export async function lockKey(db: Db, key: string, transaction: Transaction): Promise<void> {
  await db.sequelize.query('SELECT pg_advisory_xact_lock(hashtext($1))', { bind: [key], transaction });
}

// The grid company's bank requisites (domain/payment-requisites.ts) in Postgres:
// saving a checked version (never an update: migration 0016 refuses one), the
// version in force at an instant (what an invoice issued then prints) and the
// history of changes with who made each.
import { randomUUID } from 'node:crypto';
import type { PaymentRequisites, PaymentRequisitesVersion } from '../../domain/payment-requisites';
import type { Db } from '..';
import { queryRows } from '../statements';

const COLUMNS = `r.id, r.name, r.inn, r.kpp, r.address, r.bank_name AS "bankName", r.bik,
  r.correspondent_account AS "correspondentAccount", r.account, r.sample,
  NULLIF(concat_ws(' ', u.last_name, u.first_name), '') AS "changedBy", r.created_at AS "createdAt"`;

interface Row extends Omit<PaymentRequisitesVersion, 'createdAt'> {
  createdAt: Date;
}
const versionOf = (r: Row): PaymentRequisitesVersion => ({ ...r, createdAt: r.createdAt.toISOString() });

export async function savePaymentRequisites(db: Db, requisites: PaymentRequisites, changedBy: string | null, opts: { sample?: boolean } = {}): Promise<PaymentRequisitesVersion> {
  const id = randomUUID();
  const r = requisites;
  await db.sequelize.query(
    `INSERT INTO payment_requisites (id, name, inn, kpp, address, bank_name, bik, correspondent_account, account, sample, changed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    { bind: [id, r.name, r.inn, r.kpp, r.address, r.bankName, r.bik, r.correspondentAccount, r.account, opts.sample ?? false, changedBy] },
  );
  const [saved] = await queryRows<Row>(db, `SELECT ${COLUMNS} FROM payment_requisites r LEFT JOIN users u ON u.id = r.changed_by WHERE r.id = $1`, [id]);
  return versionOf(saved!);
}

/** The version in force at `at` (the newest saved no later), or null when none was saved by then. */
export async function paymentRequisitesAt(db: Pick<Db, 'pool'>, at: Date): Promise<PaymentRequisitesVersion | null> {
  const [row] = await queryRows<Row>(
    db,
    `SELECT ${COLUMNS} FROM payment_requisites r LEFT JOIN users u ON u.id = r.changed_by WHERE r.created_at <= $1 ORDER BY r.created_at DESC LIMIT 1`,
    [at],
  );
  return row ? versionOf(row) : null;
}

/** Every saved version, newest first (the change history an admin sees). */
export async function paymentRequisitesHistory(db: Pick<Db, 'pool'>, limit = 100): Promise<PaymentRequisitesVersion[]> {
  const rows = await queryRows<Row>(db, `SELECT ${COLUMNS} FROM payment_requisites r LEFT JOIN users u ON u.id = r.changed_by ORDER BY r.created_at DESC LIMIT $1`, [limit]);
  return rows.map(versionOf);
}
